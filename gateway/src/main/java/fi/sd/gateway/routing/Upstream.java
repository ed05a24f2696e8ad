package fi.sd.gateway.routing;

import java.net.URI;
import java.util.List;

/** One service behind the gateway: where it listens, what it serves, and its circuit breaker. */
public record Upstream(String name, String host, int port, boolean ssl, List<String> paths, CircuitBreaker breaker) {

    static Upstream of(String name, URI url, List<String> paths, CircuitBreaker breaker) {
        boolean ssl = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        return new Upstream(name, url.getHost(), port, ssl, List.copyOf(paths), breaker);
    }
}
