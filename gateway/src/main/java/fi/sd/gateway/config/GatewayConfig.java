package fi.sd.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** The services behind the gateway: where each one listens and which API paths it serves. */
@ConfigMapping(prefix = "sd.gateway")
public interface GatewayConfig {

    /** By service name. */
    Map<String, Upstream> services();

    interface Upstream {

        /** The service's base URL, e.g. {@code http://permit-service:8081}. */
        URI url();

        /** Path prefixes served by the service, e.g. {@code /api/v1/permits}: the prefix itself and everything below it. */
        List<String> paths();
    }
}
