package fi.sd.apply.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.sd.apply.domain.FieldType;
import fi.sd.platform.rest.Ids;

/** A catalogue item as its controller writes it; {@code PUT} sends the whole item again. */
public record CatalogueRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String datasetId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 20000) String description,
        @NotBlank @Size(max = 200) String organisation,
        @Size(max = 50) List<@NotNull @Valid Term> terms,
        @Size(max = 100) List<@NotNull @Valid Field> fields,
        Boolean enabled) {

    public List<Term> termsOrEmpty() {
        return terms == null ? List.of() : terms;
    }

    public List<Field> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }

    /** A term of use; a changed title or text becomes its next version. */
    public record Term(
            @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String text) {
    }

    /** A form field; {@code options} only for an OPTION field. */
    public record Field(
            @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotNull FieldType type,
            @NotBlank @Size(max = 200) String label,
            boolean required,
            @Size(max = 100) List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\n]*", message = "must be one line") String> options) {
    }
}
