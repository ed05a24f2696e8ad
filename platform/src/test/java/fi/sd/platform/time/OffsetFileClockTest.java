package fi.sd.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileClockTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Clock base = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void withoutTheFileTheClockIsNotShifted() {
        assertThat(new OffsetFileClock(base, dir.resolve("offset")).instant()).isEqualTo(NOW);
    }

    @Test
    void followsTheFileWhenItChanges() throws Exception {
        Path file = dir.resolve("offset");
        Files.writeString(file, "PT48H\n");
        OffsetFileClock clock = new OffsetFileClock(base, file);
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(48 * 3600));

        Files.writeString(file, "P10D");
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(1)));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(10 * 86400));
    }

    @Test
    void anUnreadableOffsetIsAnError() throws Exception {
        Path file = dir.resolve("offset");
        Files.writeString(file, "two days");
        assertThatThrownBy(() -> new OffsetFileClock(base, file).instant()).isInstanceOf(RuntimeException.class);
    }
}
