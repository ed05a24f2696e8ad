package fi.sd.desktop.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import fi.sd.events.desktop.RiskLevel;

/**
 * The body of {@code POST /workspaces/{id}/exports}: the result files, the requester's risk
 * assessment (required for {@code HIGH}, checked by the service) and the reference of their
 * notification to Findata.
 */
public record ExportRequest(
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid File> files,
        @NotNull RiskLevel riskLevel,
        @Size(max = 4000) String riskAssessment,
        @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String findataNotificationRef) {

    /** A relative path inside the workspace: no leading slash, no empty, {@code .} or {@code ..} segment, no backslash. */
    public static final String PATH = "(?!/)(?!.*//)(?!(?:.*/)?\\.{1,2}(?:/|$))(?!.*/$)[^\\p{Cntrl}\\\\]+";
    public static final String PATH_MESSAGE = "must be a relative path inside the workspace, without '.' or '..' segments";
    public static final String SHA256 = "[0-9a-fA-F]{64}";
    public static final String SHA256_MESSAGE = "must be a SHA-256 digest: 64 hexadecimal characters";
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    public static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";

    /**
     * One result file: its path relative to the desktop's {@code /export} folder. The service copies the file's
     * bytes from there and computes their size and SHA-256 itself; a size or SHA-256 given here is only checked
     * against them: a size at once (422 when it differs), a SHA-256 once the file is copied (the export fails,
     * {@code COPY_FAILED}, when it differs).
     */
    public record File(
            @NotBlank @Size(max = 1000) @Pattern(regexp = PATH, message = PATH_MESSAGE) String path,
            @PositiveOrZero Long sizeBytes,
            @Pattern(regexp = SHA256, message = SHA256_MESSAGE) String sha256) {
    }
}
