package fi.sd.gateway.routing;

import java.net.URI;
import java.util.List;

/**
 * One service behind the gateway: where it listens, what it serves, its circuit breaker, and where its
 * management interface (health, OpenAPI) listens.
 */
public record Upstream(String name, String host, int port, boolean ssl, List<String> paths, CircuitBreaker breaker,
        Address management) {

    static Upstream of(String name, URI url, URI managementUrl, List<String> paths, CircuitBreaker breaker) {
        Address api = Address.of(url);
        return new Upstream(name, api.host(), api.port(), api.ssl(), List.copyOf(paths), breaker, Address.of(managementUrl));
    }

    /** A host and port to call, over TLS or not. */
    public record Address(String host, int port, boolean ssl) {

        static Address of(URI url) {
            boolean ssl = "https".equals(url.getScheme());
            return new Address(url.getHost(), url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80), ssl);
        }
    }
}
