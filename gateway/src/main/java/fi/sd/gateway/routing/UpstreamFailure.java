package fi.sd.gateway.routing;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Why a call to a service gave no usable answer, as the caller sees it: 503, 504 or 502. */
public final class UpstreamFailure extends RuntimeException {

    public enum Kind {
        /** No connection, or the circuit breaker is open. */
        UNAVAILABLE(503),
        /** Connected, but silent for longer than the upstream timeout. */
        TIMEOUT(504),
        /** An answer that is not valid HTTP, or cut off. */
        BROKEN(502);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String service;
    private final long retryAfterSeconds;

    UpstreamFailure(Kind kind, String service, long retryAfterSeconds, Throwable cause) {
        super(service + ": " + kind, cause, false, false);
        this.kind = kind;
        this.service = service;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static UpstreamFailure classify(Upstream upstream, Throwable failure) {
        Kind kind = failure instanceof TimeoutException ? Kind.TIMEOUT
                : failure instanceof ConnectException ? Kind.UNAVAILABLE
                : Kind.BROKEN;
        return new UpstreamFailure(kind, upstream.name(), upstream.breaker().retryAfterSeconds(), failure);
    }

    static UpstreamFailure breakerOpen(Upstream upstream) {
        return new UpstreamFailure(Kind.UNAVAILABLE, upstream.name(), upstream.breaker().retryAfterSeconds(), null);
    }

    public Kind kind() {
        return kind;
    }

    public String service() {
        return service;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
