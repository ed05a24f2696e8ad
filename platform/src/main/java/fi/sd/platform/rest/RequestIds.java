package fi.sd.platform.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The id of the request being served, kept in the logging context: it appears in every log
 * line, in problem responses, in outbox rows (so in the events they cause) and, while an event is
 * consumed, in whatever that event causes in turn.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return Optional.ofNullable(value == null ? null : value.toString());
    }

    /** The caller's id when it is well-formed, else a new one: ids are echoed into logs, so no arbitrary text. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** Makes {@code requestId} current until the scope closes, then restores the previous one. */
    public static Scope open(String requestId) {
        Object previous = MDC.get(MDC_KEY);
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** A request id made current for a while. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
