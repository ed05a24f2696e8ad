package fi.sd.permit.domain;

/** The fields an amendment may change, named as in the API and in {@code PermitAmended.changes}. */
public enum AmendedField {
    VALID_UNTIL("validUntil"),
    PERSONS("persons"),
    DATASETS("datasets");

    private final String fieldName;

    AmendedField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
