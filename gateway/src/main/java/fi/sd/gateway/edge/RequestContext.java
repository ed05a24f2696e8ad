package fi.sd.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request id of one request. A caller's id is kept only when well-formed ({@code [A-Za-z0-9._:-]{1,128}}),
 * since ids are echoed into logs. (Its W3C trace context is OpenTelemetry's: the gateway's server span continues
 * the caller's trace, and each call to a service is a client span of its own whose context the service
 * receives in {@code traceparent}.)
 */
public final class RequestContext {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final int MAX_ID_LENGTH = 128;

    private RequestContext() {
    }

    public static String acceptOrGenerateRequestId(String candidate) {
        return candidate != null && wellFormed(candidate) ? candidate : newRequestId();
    }

    /** Checked character by character: it runs on every request, where a regular expression cost a matcher each time. */
    static boolean wellFormed(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id correlates log lines and is shown to
     * the caller; it grants nothing, so it needs no cryptographic randomness, whose shared generator
     * ({@link UUID#randomUUID()}) took a lock and a read of /dev/urandom per request.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
