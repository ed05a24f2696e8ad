package fi.sd.desktop.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
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

    Desktops desktops();

    /** The flavours a desktop may be created with, by name (e.g. {@code sd.desktop.flavours.small.cores}). */
    Map<String, Flavour> flavours();

    Provider provider();

    Sessions sessions();

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

    /** Limits on the desktops of a workspace. */
    interface Desktops {

        /** Desktops a workspace may have that are not deleted. */
        @WithDefault("3")
        @Min(1)
        int maxPerWorkspace();

        /** The images a desktop may be created from. */
        @WithDefault("ubuntu-22.04")
        List<String> images();

        /** The largest volume a desktop may have. */
        @WithDefault("200")
        @Min(1)
        int maxVolumeGb();
    }

    /** A desktop size, as a cloud flavour. */
    interface Flavour {

        @Min(1)
        int cores();

        @Min(1)
        int memoryGb();
    }

    /** The cloud that runs the desktops, and how its progress is followed. */
    interface Provider {

        /** Which {@link fi.sd.desktop.provider.DesktopProvider} runs the desktops. */
        @WithDefault("simulated")
        String kind();

        /** How often each replica asks the cloud about desktops in a transitional state. */
        @WithDefault("2s")
        Duration pollInterval();

        /** Desktops claimed per transaction by the status poll. */
        @WithDefault("50")
        @Min(1)
        int pollBatchSize();

        Simulated simulated();

        /** The simulated cloud: delays like a real one's, and failures on demand. */
        interface Simulated {

            @WithDefault("20s")
            Duration buildDelay();

            @WithDefault("5s")
            Duration rebootDelay();

            @WithDefault("2s")
            Duration deleteDelay();

            /** Probability that a build ends in ERROR ("No valid host was found"). */
            @WithDefault("0")
            @DecimalMin("0")
            @DecimalMax("1")
            double failureRate();

            /** A regular expression: a desktop whose name matches always fails to build. */
            Optional<String> failingNames();

            /** The project's core quota: a build beyond it is refused as over quota. */
            @WithDefault("1000")
            @Min(1)
            int quotaCores();
        }
    }

    /** Remote sessions to desktops. */
    interface Sessions {

        /** Open sessions a desktop may have at once. */
        @WithDefault("10")
        @Min(1)
        int maxPerDesktop();

        /** A session without a heartbeat for this long expires. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** How long the token in a connect URL may be used. */
        @WithDefault("2m")
        Duration tokenLifetime();

        /** Where the remote-desktop gateway accepts connections; the session id and token are appended. */
        @WithDefault("https://desktop.sd.local/connect")
        String connectUrl();

        /**
         * How long a session outlives the last token of its sign-in: the time a front end has to bring a
         * renewed token in a heartbeat. A user logged out or disabled at the identity provider gets none.
         */
        @WithDefault("2m")
        Duration signInGrace();

        /** How often each replica looks for idle sessions and sessions whose sign-in ended. */
        @WithDefault("30s")
        Duration expiryInterval();

        /** Sessions claimed per transaction by the expiry job. */
        @WithDefault("100")
        @Min(1)
        @Max(10000)
        int expiryBatchSize();
    }
}
