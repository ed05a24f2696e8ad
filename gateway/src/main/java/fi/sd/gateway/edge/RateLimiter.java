package fi.sd.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;

/** One token bucket per caller: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
@ApplicationScoped
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(GatewayConfig config) {
        this.perSecond = config.rateLimit().requestsPerSecond();
        this.burst = config.rateLimit().burst();
    }

    /** 0 when the request may pass, else the whole seconds until the caller's next token. */
    public long acquire(String caller) {
        return buckets.computeIfAbsent(caller, k -> new Bucket(burst, System.nanoTime())).take(perSecond, burst);
    }

    /** A full bucket is the same as none: dropping them keeps memory bounded by the callers of the last minute. */
    @Scheduled(every = "60s")
    void forgetIdleCallers() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> e.getValue().fullAt(now, perSecond, burst));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        synchronized long take(double perSecond, double burst) {
            refill(System.nanoTime(), perSecond, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean fullAt(long now, double perSecond, double burst) {
            refill(now, perSecond, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
