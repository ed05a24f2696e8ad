package fi.sd.platform.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK on in a process (a service or the gateway) only when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector: unset or empty (as compose and the
 * Kubernetes ConfigMap leave it), {@code quarkus.otel.sdk.disabled} is true, so nothing is
 * recorded or sent and nothing logs export errors. A property expression cannot say this, since
 * an empty variable takes no default. Below application.properties, so a test profile may turn
 * it on; {@code QUARKUS_OTEL_SDK_DISABLED} overrides it too.
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private final String disabled;

    public TracingSwitch() {
        this(System.getenv());
    }

    TracingSwitch(Map<String, String> environment) {
        String endpoint = environment.get(ENDPOINT);
        this.disabled = Boolean.toString(endpoint == null || endpoint.isBlank());
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public String getValue(String propertyName) {
        return SDK_DISABLED.equals(propertyName) ? disabled : null;
    }

    @Override
    public String getName() {
        return "sd-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
