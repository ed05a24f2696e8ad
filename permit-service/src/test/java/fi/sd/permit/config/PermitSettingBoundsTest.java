package fi.sd.permit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.ConfigMappings;

class PermitSettingBoundsTest {

    @Test
    void theDefaultsAreWithinBounds() {
        assertEquals(List.of(), new PermitSettingBounds(ConfigMappings.of(PermitConfig.class, Map.of())).check().violations());
    }

    @Test
    void settingsOutOfBoundsAreNamed() {
        PermitConfig config = ConfigMappings.of(PermitConfig.class,
                Map.of("sd.permit.expiry.notice-days", "-1", "sd.permit.expiry.batch-size", "0"));
        assertEquals(List.of("sd.permit.expiry.notice-days must be between 0 and 3650 (is -1)",
                "sd.permit.expiry.batch-size must be at least 1 (is 0)"), new PermitSettingBounds(config).check().violations());
    }
}
