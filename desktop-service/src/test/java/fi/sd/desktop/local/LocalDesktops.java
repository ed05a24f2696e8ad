package fi.sd.desktop.local;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** desktop-service with real desktops: the local provider, its state under target/, a quick poll. */
public class LocalDesktops implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sd.desktop.provider.kind", "local",
                "sd.desktop.provider.poll-interval", "500ms",
                "sd.desktop.provider.health-interval", "1s",
                "sd.desktop.provider.local.uid-base", "210000");
    }
}
