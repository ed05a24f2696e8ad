package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/** A dataset offered in SD Apply's catalogue, with its terms of use and the questions its application asks. */
public record CatalogueItem(
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

    /** A question of the application form: {@code type} is TEXT, LONG_TEXT, DATE, OPTION or CHECKBOX. */
    public record Field(String id, String type, String label, boolean required, List<String> options) {

        public boolean is(String kind) {
            return kind.equals(type);
        }
    }
}
