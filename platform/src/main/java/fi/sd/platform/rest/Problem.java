package fi.sd.platform.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import fi.sd.platform.problem.ProblemType;

/**
 * An RFC 9457 problem document, with the request id and, on a 400 or 422, the field errors.
 * {@code type} is a URI naming the kind of problem ({@link ProblemType}); clients may switch on it. Extension members
 * (RFC 9457 §3.2, e.g. the quota on a 413) appear at the top level beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors,
        @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = ProblemType.MEDIA_TYPE;

    /** One invalid field: {@code field} is a JSON path into the request body (or a query parameter's name). */
    public record FieldError(String field, String message) {
    }
}
