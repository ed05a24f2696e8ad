package fi.sd.apply.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A question of a catalogue item's application form. */
@Embeddable
public class FormField {

    /** Texts longer than this are refused; long texts may be longer. */
    public static final int TEXT_MAX = 1000;
    public static final int LONG_TEXT_MAX = 20000;

    @Column(name = "field_id", nullable = false)
    public String fieldId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FieldType type;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public boolean required;

    /** The choices of an option field, one per line. */
    public String options;

    public List<String> optionList() {
        return options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n"));
    }

    /** Why {@code value} is not a valid answer to this field, if it is not. */
    public Optional<String> problemWith(String value) {
        switch (type) {
            case TEXT:
                return value.length() > TEXT_MAX ? Optional.of("must be at most " + TEXT_MAX + " characters") : Optional.empty();
            case LONG_TEXT:
                return value.length() > LONG_TEXT_MAX ? Optional.of("must be at most " + LONG_TEXT_MAX + " characters") : Optional.empty();
            case DATE:
                try {
                    LocalDate.parse(value);
                    return Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.of("must be a date (YYYY-MM-DD)");
                }
            case OPTION:
                return optionList().contains(value) ? Optional.empty() : Optional.of("must be one of " + optionList());
            case CHECKBOX:
                return value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("must be true or false");
            default:
                throw new IllegalStateException(type.name());
        }
    }

    /** Whether {@code value} fills a required field: a checkbox must be ticked, anything else non-blank. */
    public boolean isAnsweredBy(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return type != FieldType.CHECKBOX || value.equals("true");
    }
}
