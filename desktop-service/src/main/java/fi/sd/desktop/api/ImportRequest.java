package fi.sd.desktop.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import fi.sd.events.desktop.ImportKind;
import fi.sd.storage.FileNames;

/**
 * The body of {@code POST /workspaces/{id}/imports}: what the member needs brought in, and why; optionally the
 * files it consists of (their names under {@code /imports/{importId}}, and sizes and SHA-256 if known), which the
 * service desk then uploads, each checked against what is given here, before it completes the import.
 */
public record ImportRequest(
        @NotNull ImportKind kind,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 1000) List<@NotNull @Valid File> files) {

    public ImportRequest {
        files = files == null ? List.of() : files;
    }

    /** A file of the import as the member declares it. */
    public record File(
            @NotBlank @Size(max = FileNames.MAX_LENGTH) @Pattern(regexp = FileNames.PATTERN, message = FileNames.MESSAGE) String name,
            @PositiveOrZero Long sizeBytes,
            @Pattern(regexp = ExportRequest.SHA256, message = ExportRequest.SHA256_MESSAGE) String sha256) {
    }
}
