package fi.sd.permit.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import fi.sd.platform.rest.Ids;
import fi.sd.storage.FileNames;

/** The body of {@code POST /permits/{id}/releases}: the dataset delivered and its files. */
public record ReleaseRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String datasetId,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid File> files) {

    /** A delivered file: its name (a relative path inside the dataset's folder), its size and its SHA-256. */
    public record File(
            @NotBlank @Size(max = FileNames.MAX_LENGTH) @Pattern(regexp = FileNames.PATTERN, message = FileNames.MESSAGE) String name,
            @NotNull @PositiveOrZero Long sizeBytes,
            @NotNull @Pattern(regexp = Texts.SHA256, message = Texts.SHA256_MESSAGE) String sha256) {
    }
}
