package fi.sd.platform.rest;

import java.util.List;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;

/**
 * A refusal that the API reports as problem+json with its status. Services throw these from the
 * service layer; the mappers turn them into responses, so resources stay free of error handling.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
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

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
