package fi.sd.apply.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import fi.sd.platform.rest.Ids;

/**
 * The body of {@code POST /applications/{id}/{command}}: each command reads the fields it needs
 * ({@code comment}; {@code userId} to invite or remove; {@code userIds} to request reviews;
 * {@code public} for a remark; {@code entitlementEnd} for an approval; {@code answers} to save a draft).
 */
public record CommandRequest(
        @Size(max = 4000) String comment,
        @Size(max = 200) @Pattern(regexp = Ids.USER_PATTERN, message = Ids.USER_MESSAGE) String userId,
        @Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = Ids.USER_PATTERN, message = Ids.USER_MESSAGE) String> userIds,
        @JsonProperty("public") Boolean isPublic,
        Instant entitlementEnd,
        @Size(max = 500) List<@NotNull @Valid AnswerInput> answers) {

    public static final CommandRequest EMPTY = new CommandRequest(null, null, null, null, null, null);

    /** The comment, or null when blank. */
    public String commentText() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** One form answer; an empty value clears it. */
    public record AnswerInput(
            @NotBlank @Size(max = 100) String datasetId,
            @NotBlank @Size(max = 100) String fieldId,
            @NotNull @Size(max = 20000) String value) {
    }
}
