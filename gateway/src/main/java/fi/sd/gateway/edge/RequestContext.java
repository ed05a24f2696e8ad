package fi.sd.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of one request. A caller's id is kept only when well-formed, since ids are echoed
 * into logs. (Its W3C trace context is OpenTelemetry's: the gateway's server span continues the
 * caller's trace, and each call to a service is a client span of its own whose context the service
 * receives in {@code traceparent}.)
 */
public final class RequestContext {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestContext() {
    }

    public static String acceptOrGenerateRequestId(String candidate) {
        return candidate != null && ACCEPTED_ID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
