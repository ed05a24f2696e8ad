package fi.sd.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A posted form, read as the API's request body will be: inputs are named by the JSON path of the
 * field they fill ({@code holder.organisation}, {@code persons[2].email}), so that the API's field
 * errors can be shown next to them again. Blank values are absent; rows left wholly blank are dropped
 * and the rest renumbered, as the API will number them.
 */
public final class FormData {

    // A field's name may end in digits (a file's sha256).
    private static final Pattern ROW = Pattern.compile("([A-Za-z]+)\\[(\\d{1,4})]\\.([A-Za-z][A-Za-z0-9]*)");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> multiple = new LinkedHashMap<>();

    public FormData(MultivaluedMap<String, String> form) {
        form.forEach((name, given) -> {
            List<String> kept = given.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (!kept.isEmpty()) {
                values.put(name, kept.get(0));
                multiple.put(name, kept);
            }
        });
    }

    /** The value, stripped; null when blank or absent. */
    public String text(String name) {
        return values.get(name);
    }

    /** Every value of a repeated input (checkboxes of one name), in order. */
    public List<String> all(String name) {
        return multiple.getOrDefault(name, List.of());
    }

    public boolean checked(String name) {
        String value = values.get(name);
        return value != null && !"false".equals(value);
    }

    /**
     * The rows of a list ({@code persons[0].userId}, {@code persons[0].name}, ...) in their order, each a map
     * of its fields; a row with no value is dropped.
     */
    public List<Map<String, String>> rows(String list) {
        TreeMap<Integer, Map<String, String>> rows = new TreeMap<>();
        values.forEach((name, value) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches() && row.group(1).equals(list)) {
                rows.computeIfAbsent(Integer.parseInt(row.group(2)), i -> new LinkedHashMap<>()).put(row.group(3), value);
            }
        });
        return new ArrayList<>(rows.values());
    }

    /** Everything given, for showing the form again with what was typed (rows renumbered as sent). */
    public Map<String, String> values() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!ROW.matcher(name).matches()) {
                shown.put(name, value);
            }
        });
        for (String list : lists()) {
            List<Map<String, String>> rows = rows(list);
            for (int i = 0; i < rows.size(); i++) {
                int index = i;
                rows.get(i).forEach((field, value) -> shown.put(list + "[" + index + "]." + field, value));
            }
        }
        return shown;
    }

    private List<String> lists() {
        return values.keySet().stream().map(ROW::matcher).filter(Matcher::matches).map(m -> m.group(1)).distinct().toList();
    }
}
