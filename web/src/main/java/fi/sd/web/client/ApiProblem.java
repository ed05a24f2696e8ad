package fi.sd.web.client;

import java.util.List;
import java.util.Optional;

/**
 * A refusal from the API (RFC 9457 problem+json), or the gateway out of reach: the page that asked
 * shows it next to the field or action it concerns, or the error pages render it.
 */
public class ApiProblem extends RuntimeException {

    /** The status the web uses when the gateway itself cannot be reached. */
    public static final int UNREACHABLE = 503;

    private final int status;
    private final String title;
    private final String detail;
    private final String requestId;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, String requestId, List<FieldError> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The invalid fields, each named by its JSON path in the request body ({@code persons[0].email}). */
    public List<FieldError> errors() {
        return errors;
    }

    public boolean is(int code) {
        return status == code;
    }

    /** One invalid field as the API names it. */
    public record FieldError(String field, String message) {
    }
}
