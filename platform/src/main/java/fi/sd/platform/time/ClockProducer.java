package fi.sd.platform.time;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * The system clock in UTC. In-process tests replace the bean to move time; the end-to-end tests, which
 * run the services as processes, move it for all of them at once through {@code sd.clock.offset-file}
 * (environment {@code SD_CLOCK_OFFSET_FILE}), never set in a deployment.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock(@ConfigProperty(name = "sd.clock.offset-file") Optional<String> offsetFile) {
        return offsetFile.filter(file -> !file.isBlank())
                .<Clock>map(file -> new OffsetFileClock(Clock.systemUTC(), Path.of(file)))
                .orElseGet(Clock::systemUTC);
    }
}
