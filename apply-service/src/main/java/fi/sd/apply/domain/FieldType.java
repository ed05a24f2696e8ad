package fi.sd.apply.domain;

/** The kinds of form field a catalogue item may ask its applicants to fill. */
public enum FieldType {
    TEXT,
    LONG_TEXT,
    DATE,
    OPTION,
    CHECKBOX
}
