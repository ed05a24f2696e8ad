package fi.sd.permit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

import fi.sd.testsupport.ServiceTestEnvironment;

/** The service itself refuses to start with a setting out of bounds, and says which. */
@QuarkusMainTest
@WithTestResource(ServiceTestEnvironment.class)
@TestProfile(SettingOutOfBoundsTest.NoticeTooFarAhead.class)
class SettingOutOfBoundsTest {

    public static class NoticeTooFarAhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sd.permit.expiry.notice-days", "3651");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void aSettingOutOfBoundsStopsTheService(LaunchResult result) {
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("sd.permit.expiry.notice-days must be between 0 and 3650 (is 3651)");
    }
}
