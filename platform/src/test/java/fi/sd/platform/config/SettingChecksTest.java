package fi.sd.platform.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class SettingChecksTest {

    @Test
    void settingsWithinTheirBoundsPass() {
        SettingChecks checks = new SettingChecks()
                .atLeast("a", 1, 1)
                .between("b", 0, 0, 3650)
                .between("c", 3650, 0, 3650)
                .between("d", 0.0, 0, 1)
                .between("e", 1.0, 0, 1);
        assertEquals(List.of(), checks.violations());
        assertDoesNotThrow(checks::verify);
    }

    @Test
    void everySettingOutOfBoundsIsNamedInOneError() {
        SettingChecks checks = new SettingChecks()
                .atLeast("sd.x.batch-size", 0, 1)
                .between("sd.x.notice-days", 3651, 0, 3650)
                .between("sd.x.failure-rate", 1.5, 0, 1)
                .between("sd.x.rate", Double.NaN, 0, 1)
                .atLeast("sd.x.fine", 5, 1);
        ConfigurationException e = assertThrows(ConfigurationException.class, checks::verify);
        assertEquals("Settings out of bounds: sd.x.batch-size must be at least 1 (is 0); "
                + "sd.x.notice-days must be between 0 and 3650 (is 3651); sd.x.failure-rate must be between 0.0 and 1.0 (is 1.5); "
                + "sd.x.rate must be between 0.0 and 1.0 (is NaN)", e.getMessage());
    }
}
