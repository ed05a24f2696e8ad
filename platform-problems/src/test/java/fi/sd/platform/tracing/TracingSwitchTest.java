package fi.sd.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void theSdkIsOnOnlyWhenAnEndpointIsNamed() {
        assertThat(new TracingSwitch(Map.of()).getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingSwitch(Map.of(TracingSwitch.ENDPOINT, "")).getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingSwitch(Map.of(TracingSwitch.ENDPOINT, "  ")).getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingSwitch(Map.of(TracingSwitch.ENDPOINT, "http://jaeger:4317")).getValue(TracingSwitch.SDK_DISABLED))
                .isEqualTo("false");
    }

    @Test
    void itSaysNothingAboutOtherProperties() {
        assertThat(new TracingSwitch(Map.of()).getValue("quarkus.otel.exporter.otlp.traces.endpoint")).isNull();
        assertThat(new TracingSwitch(Map.of()).getPropertyNames()).containsExactly(TracingSwitch.SDK_DISABLED);
    }
}
