package fi.sd.desktop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * desktop-service with real desktops: the local provider, a quick poll, its state under target/ (or under
 * /var/tmp when the desktops' uids cannot pass through a folder above target/, e.g. a checkout in a 0700 home).
 */
public class LocalDesktops implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sd.desktop.provider.kind", "local",
                "sd.desktop.provider.local.state-dir", stateDirectory().toString(),
                "sd.desktop.provider.poll-interval", "1s",
                "sd.desktop.provider.health-interval", "1s",
                "sd.desktop.provider.local.uid-base", "210000");
    }

    private static Path stateDirectory() {
        Path target = Path.of("target").toAbsolutePath();
        for (Path dir = target; dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Path.of("/var/tmp", "sd-desktop-tests-" + ProcessHandle.current().pid());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target.resolve("local-desktops");
    }
}
