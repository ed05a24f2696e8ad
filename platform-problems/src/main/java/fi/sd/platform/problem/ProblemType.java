package fi.sd.platform.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of RFC 9457 problem the API answers, whoever answers it: a service or the gateway.
 * Its {@link #uri()} is the problem's {@code type}, which clients may switch on; its title is the
 * same wherever it occurs, the detail says what happened this time.
 */
public enum ProblemType {
    /** A malformed query parameter, path segment or header. */
    BAD_REQUEST(400, "bad-request", "Bad request"),
    /** Fields of the body (or query parameters) that break their constraints, listed in {@code errors}. */
    VALIDATION(400, "validation", "Invalid request"),
    /** A body that is not JSON at all; the detail says what is wrong and where. */
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    /** The client stopped sending a file before it was complete; nothing was stored. */
    UPLOAD_INTERRUPTED(400, "upload-interrupted", "Upload interrupted"),
    /** No valid bearer token. */
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated"),
    /** The caller's role or ownership forbids this. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** No such thing, or not visible to the caller (the two are indistinguishable on purpose). */
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    /** The current state forbids this, or it would duplicate something. */
    CONFLICT(409, "conflict", "Conflict"),
    /** Someone else changed the same thing at the same time. */
    CONCURRENT_UPDATE(409, "concurrent-update", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    /** A file, or a permit's files together, beyond a size limit or quota, which an extension member names (e.g. {@code quotaBytes}). */
    TOO_LARGE(413, "too-large", "Too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** Well-formed, but breaks a rule across fields or against what is stored; listed in {@code errors}. */
    RULE_VIOLATED(422, "rule-violated", "Unprocessable request"),
    /** An upload shorter or longer than its declared size; nothing was stored. */
    SIZE_MISMATCH(422, "size-mismatch", "Unprocessable request"),
    /** A stored file whose permit's keys were destroyed (crypto-shredded): gone for good. */
    KEY_DESTROYED(410, "key-destroyed", "Gone"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    /** A bug: the details stay in the log under the request id. */
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
    /** The object store gave back something other than what was stored; not a byte of it is served. */
    INTEGRITY_CHECK_FAILED(502, "integrity-check-failed", "Stored file failed its integrity check"),
    /** A file the database knows of is not in the object store. */
    STORED_FILE_MISSING(502, "stored-file-missing", "Stored file missing"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    /** The identity provider's signing keys have never been readable, so no token can be checked; retry shortly. */
    IDENTITY_PROVIDER_UNAVAILABLE(503, "identity-provider-unavailable", "Service unavailable"),
    /** A running desktop's console cannot be reached for a viewer now. */
    DESKTOP_UNAVAILABLE(503, "desktop-unavailable", "Desktop unavailable"),
    /** The object store cannot be reached or refused the request; worth retrying later. */
    STORAGE_UNAVAILABLE(503, "storage-unavailable", "Storage unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout");

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://sd.fi/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the type's URI, e.g. {@code unauthenticated}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code type}, e.g. {@code https://sd.fi/problems/unauthenticated}. */
    public String uri() {
        return TYPE_PREFIX + slug;
    }

    /** The general type of an HTTP status, for errors a framework raises with no more than the status (405, 406, 415...). */
    public static Optional<ProblemType> forStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
