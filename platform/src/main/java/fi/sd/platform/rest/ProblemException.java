package fi.sd.platform.rest;

import java.util.List;
import java.util.Map;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;

/**
 * A refusal that the API reports as problem+json with its status. Services throw these from the
 * service layer; the mappers turn them into responses, so resources stay free of error handling.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    /** With extension members, e.g. the quota that a 413 refers to. */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    /** 400: the request is malformed. */
    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail, errors);
    }

    /** 403: the caller's role or ownership forbids this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, null);
    }

    /** 404: no such thing, or not visible to the caller (the two are indistinguishable on purpose). */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist or is not visible to you", null);
    }

    /** 409: the current state forbids this, or it would duplicate something. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, null);
    }

    /** 422: well-formed but breaks a rule. */
    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.RULE_VIOLATED, detail, errors);
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(message, List.of(new FieldError(field, message)));
    }

    /** 413: too large for a limit, which {@code limits} names (e.g. {@code quotaBytes}) so that a client can tell how much fits. */
    public static ProblemException tooLarge(String detail, Map<String, Object> limits) {
        return new ProblemException(ProblemType.TOO_LARGE, detail, null, limits);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
