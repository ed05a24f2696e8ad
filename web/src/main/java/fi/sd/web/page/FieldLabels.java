package fi.sd.web.page;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person calls a form's field, for the error summary that names each refused field: the API's
 * JSON path {@code files[1].sha256} reads "File 2, SHA-256" ({@code messages/fields_*.properties}).
 */
public final class FieldLabels {

    private static final Pattern ROW = Pattern.compile("([A-Za-z]+)\\[(\\d{1,4})]\\.(.+)");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private FieldLabels() {
    }

    /** The field's label in the reader's language; empty when the field has none (the summary then shows the message alone). */
    public static Optional<String> of(String field, Locale locale) {
        ResourceBundle labels = ResourceBundle.getBundle("messages.fields", locale, NO_FALLBACK);
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            return text(labels, "row." + row.group(1))
                    .map(list -> MessageFormat.format(list, Integer.parseInt(row.group(2)) + 1) + text(labels, row.group(3))
                            .map(cell -> ", " + cell).orElse(""));
        }
        return text(labels, field);
    }

    private static Optional<String> text(ResourceBundle labels, String key) {
        try {
            return Optional.of(labels.getString(key));
        } catch (MissingResourceException absent) {
            return Optional.empty();
        }
    }
}
