package fi.sd.platform.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock running at the pace of its base clock, shifted by the duration (ISO-8601, {@code PT48H})
 * written in a file; the file is read again whenever it changes. A missing or empty file means no
 * shift; an unreadable shift is an error, so that a test does not silently run at the wrong time.
 */
public final class OffsetFileClock extends Clock {

    private final Clock base;
    private final Path file;
    private volatile FileTime readAt;
    private volatile Duration offset = Duration.ZERO;

    public OffsetFileClock(Clock base, Path file) {
        this.base = base;
        this.file = file;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetFileClock(base.withZone(zone), file);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(currentOffset());
    }

    private Duration currentOffset() {
        try {
            if (!Files.exists(file)) {
                return Duration.ZERO;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                synchronized (this) {
                    String text = Files.readString(file).trim();
                    offset = text.isEmpty() ? Duration.ZERO : Duration.parse(text);
                    readAt = modified;
                }
            }
            return offset;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the clock offset from " + file, e);
        }
    }
}
