package fi.sd.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fi.sd.web.client.ApiProblem;

/**
 * A form as a page shows it: the values to fill in and, after a refusal, the message of each field
 * next to it and a summary at the top (with the API's explanation of what was refused).
 */
public final class Form {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> otherErrors = new ArrayList<>();
    private final List<SummaryEntry> summary = new ArrayList<>();
    private ApiProblem problem;
    private String scope;

    private Form(Map<String, String> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(new LinkedHashMap<>());
    }

    public static Form of(Map<String, String> values) {
        return new Form(new LinkedHashMap<>(values));
    }

    public static Form of(FormData data) {
        return of(data.values());
    }

    /**
     * The API's refusal: each field error goes next to the input of that name when the form has one
     * ({@code inputs}: what the form shows), the others into the summary.
     */
    public Form refused(ApiProblem refusal, List<String> inputs, Locale locale) {
        this.problem = refusal;
        for (ApiProblem.FieldError error : refusal.errors()) {
            String message = ProblemTexts.field(error.message(), locale);
            if (error.field() != null && inputs.stream().anyMatch(input -> matches(input, error.field()))) {
                // Two constraints of one field may read the same to a person (a pattern and a format): said once.
                errors.merge(error.field(), message, (a, b) -> List.of(a.split("; ")).contains(b) ? a : a + "; " + b);
            } else {
                String named = error.field() == null ? message
                        : FieldLabels.of(error.field(), locale).orElse(error.field()) + ": " + message;
                otherErrors.add(named);
            }
        }
        errors.forEach((field, message) -> summary.add(new SummaryEntry(id(field), labelled(field, message, locale))));
        otherErrors.forEach(message -> summary.add(new SummaryEntry(null, message)));
        return this;
    }

    /** An error the web finds itself before asking the API. */
    public Form error(String field, String message, Locale locale) {
        errors.put(field, message);
        summary.add(new SummaryEntry(id(field), labelled(field, message, locale)));
        return this;
    }

    private static String labelled(String field, String message, Locale locale) {
        return FieldLabels.of(field, locale).map(label -> label + ": " + message).orElse(message);
    }

    private static boolean matches(String input, String field) {
        return input.equals(field) || input.endsWith("[]") && field.startsWith(input.substring(0, input.length() - 2) + "[");
    }

    public Form with(String name, String value) {
        values.put(name, value);
        return this;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** One cell of a row of a list ({@code persons[2].email}). */
    public String cell(String list, int index, String field) {
        return value(list + "[" + index + "]." + field);
    }

    public String cellError(String list, int index, String field) {
        return errors.get(list + "[" + index + "]." + field);
    }

    public String cellId(String list, int index, String field) {
        return id(list + "[" + index + "]." + field);
    }

    public boolean checked(String name) {
        String value = values.get(name);
        return value != null && !"false".equals(value);
    }

    public boolean selected(String name, String option) {
        return option.equals(values.get(name));
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    /**
     * Names the form among several on one page (each action's own), so that its inputs' ids, and the
     * error summary's links to them, are its own: {@code approve} makes {@code comment}'s id {@code approve-comment}.
     */
    public Form scope(String name) {
        this.scope = name;
        return this;
    }

    /** The id of the input for a field name ({@code persons[0].email} → {@code f-persons-0-email}). */
    public String id(String name) {
        return (scope == null ? "f" : scope) + "-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    public boolean invalid() {
        return problem != null || !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    public List<String> otherErrors() {
        return otherErrors;
    }

    /**
     * The error summary at the top of the form: each refused field named and linked to its input
     * ({@code target}, the input's id), then what the form has no input for.
     */
    public List<SummaryEntry> summary() {
        return summary;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** How many rows of a list the form shows: those filled in, plus {@code blank} empty ones, at least {@code minimum}. */
    public List<Integer> rows(String list, int blank, int minimum) {
        int filled = 0;
        String prefix = list + "[";
        for (String name : values.keySet()) {
            if (name.startsWith(prefix)) {
                filled = Math.max(filled, Integer.parseInt(name.substring(prefix.length(), name.indexOf(']'))) + 1);
            }
        }
        int count = Math.max(minimum, filled + blank);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    /** One line of the error summary: the field's name and message, linking to its input when the form has one. */
    public record SummaryEntry(String target, String text) {
    }
}
