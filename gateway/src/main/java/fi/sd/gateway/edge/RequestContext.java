package fi.sd.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request id and the W3C trace context of one request. A caller's id is kept only when
 * well-formed, since ids are echoed into logs.
 */
public final class RequestContext {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestContext() {
    }

    public static String acceptOrGenerateRequestId(String candidate) {
        return candidate != null && ACCEPTED_ID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /**
     * The traceparent to send upstream: the caller's trace continues with the gateway as the new
     * parent span; without a valid one the gateway starts a sampled trace.
     */
    public static String nextTraceparent(String incoming) {
        if (incoming != null) {
            Matcher m = TRACEPARENT_FORMAT.matcher(incoming.trim());
            if (m.matches() && !INVALID_TRACE_ID.equals(m.group(1))) {
                return "00-" + m.group(1) + "-" + randomHex(8) + "-" + m.group(2);
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
