package fi.sd.permit.domain;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<AmendedField> fromFieldName(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }
}
