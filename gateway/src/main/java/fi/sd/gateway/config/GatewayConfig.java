package fi.sd.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services behind the gateway and the limits the gateway enforces in front of them. */
@ConfigMapping(prefix = "sd.gateway")
public interface GatewayConfig {

    /** By service name. */
    Map<String, Upstream> upstreams();

    /** Path prefixes under {@code /api/v1} that need no token, e.g. the public permit register. */
    List<String> publicPaths();

    /** Largest request body passed on, except on file paths; anything larger is a 413. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /**
     * The paths whose request bodies are files (regular expressions matching the whole path): their
     * bodies stream to the service whatever their length, up to {@link #maxFileSize()}.
     */
    List<String> filePaths();

    /** Largest file on a file path; anything larger is a 413. */
    @WithDefault("100G")
    MemorySize maxFileSize();

    RateLimit rateLimit();

    /**
     * How long an upstream may stay silent before the caller gets a 504; while a file's body flows
     * to the service, the time runs from its last bytes.
     */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** How long opening a connection to an upstream may take before it counts as down. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long the readiness check waits for each service's own readiness. */
    @WithDefault("3s")
    Duration healthTimeout();

    CircuitBreaker circuitBreaker();

    /** How long the merged OpenAPI document is served from memory before it is fetched again. */
    @WithDefault("30s")
    Duration openapiCacheFor();

    interface Upstream {

        /** The service's base URL, e.g. {@code http://permit-service:8081}. */
        URI url();

        /** The service's management interface, where its health and OpenAPI document are, e.g. {@code http://permit-service:9081}. */
        URI managementUrl();

        /** Path prefixes served by the service, e.g. {@code /api/v1/permits}: the prefix itself and everything below it. */
        List<String> paths();
    }

    /** A token bucket per caller (the token's subject, or the client address on public paths). */
    interface RateLimit {

        @WithDefault("1000")
        int requestsPerSecond();

        @WithDefault("2000")
        int burst();
    }

    interface CircuitBreaker {

        /** Consecutive failures (no connection, timeout, 5xx) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
