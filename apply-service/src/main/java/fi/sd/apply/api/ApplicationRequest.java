package fi.sd.apply.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.sd.platform.rest.Ids;

/** A new draft: which permit, which of its datasets. */
public record ApplicationRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String permitId,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> datasetIds) {
}
