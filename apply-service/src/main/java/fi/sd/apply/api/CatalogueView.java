package fi.sd.apply.api;

import java.time.Instant;
import java.util.List;

import fi.sd.apply.domain.FieldType;

/** A catalogue item with its current terms and form. */
public record CatalogueView(
        String id,
        String datasetId,
        String organisation,
        String title,
        String description,
        boolean enabled,
        List<Term> terms,
        List<Field> fields,
        Instant createdAt,
        Instant updatedAt) {

    public record Term(String id, int version, String title, String text) {
    }

    public record Field(String id, FieldType type, String label, boolean required, List<String> options) {
    }
}
