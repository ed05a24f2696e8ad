package fi.sd.apply.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.ConfigMappings;

class ApplySettingBoundsTest {

    @Test
    void theDefaultsAreWithinBounds() {
        assertEquals(List.of(), new ApplySettingBounds(ConfigMappings.of(ApplyConfig.class, Map.of())).check().violations());
    }

    @Test
    void aBatchSizeBelowOneIsNamed() {
        ApplyConfig config = ConfigMappings.of(ApplyConfig.class, Map.of("sd.apply.entitlements.batch-size", "0"));
        assertEquals(List.of("sd.apply.entitlements.batch-size must be at least 1 (is 0)"), new ApplySettingBounds(config).check().violations());
    }
}
