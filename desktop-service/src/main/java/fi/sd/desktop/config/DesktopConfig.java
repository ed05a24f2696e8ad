package fi.sd.desktop.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** desktop-service's own settings ({@code sd.desktop.*}; environment: {@code SD_DESKTOP_*}). */
@ConfigMapping(prefix = "sd.desktop")
public interface DesktopConfig {

    /** How long a locked workspace is kept (for an amendment that extends the permit) before it is purged. */
    @WithDefault("90d")
    Duration retention();

    Purge purge();

    /** The job that purges locked workspaces once their retention has passed. */
    interface Purge {

        /** How often each replica looks for workspaces to purge. */
        @WithDefault("1m")
        Duration interval();

        /** Workspaces claimed per transaction. */
        @WithDefault("50")
        @Min(1)
        int batchSize();
    }
}
