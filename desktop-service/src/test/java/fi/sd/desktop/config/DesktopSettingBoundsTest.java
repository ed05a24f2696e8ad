package fi.sd.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.ConfigMappings;

class DesktopSettingBoundsTest {

    private static final Map<String, String> FLAVOUR = Map.of("sd.desktop.flavours.small.cores", "6",
            "sd.desktop.flavours.small.memory-gb", "15");

    @Test
    void theDefaultsAreWithinBounds() {
        assertEquals(List.of(), new DesktopSettingBounds(ConfigMappings.of(DesktopConfig.class, FLAVOUR)).check().violations());
    }

    @Test
    void everySettingOutOfBoundsIsNamed() {
        DesktopConfig config = ConfigMappings.of(DesktopConfig.class, Map.ofEntries(
                Map.entry("sd.desktop.flavours.small.cores", "0"),
                Map.entry("sd.desktop.flavours.small.memory-gb", "15"),
                Map.entry("sd.desktop.purge.batch-size", "0"),
                Map.entry("sd.desktop.provider.simulated.failure-rate", "1.5"),
                Map.entry("sd.desktop.provider.local.uid-base", "999"),
                Map.entry("sd.desktop.provider.local.max-servers", "10001"),
                Map.entry("sd.desktop.sessions.expiry-batch-size", "0")));
        assertEquals(List.of("sd.desktop.purge.batch-size must be at least 1 (is 0)",
                "sd.desktop.provider.simulated.failure-rate must be between 0.0 and 1.0 (is 1.5)",
                "sd.desktop.provider.local.uid-base must be at least 1000 (is 999)",
                "sd.desktop.provider.local.max-servers must be between 1 and 10000 (is 10001)",
                "sd.desktop.sessions.expiry-batch-size must be between 1 and 10000 (is 0)",
                "sd.desktop.flavours.small.cores must be at least 1 (is 0)"), new DesktopSettingBounds(config).check().violations());
    }
}
