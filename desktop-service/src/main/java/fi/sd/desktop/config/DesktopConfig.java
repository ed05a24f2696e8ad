package fi.sd.desktop.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
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

    Airlock airlock();

    Exports exports();

    /** What the airlock's files may take in the object store (each file is limited by {@code sd.storage.max-file-size}). */
    interface Airlock {

        /** The most a workspace's stored export and import files may hold together (413 beyond). */
        @WithDefault("50G")
        MemorySize workspaceQuota();
    }

    /** How an export's files are shown to reviewers and taken out by the requester. */
    interface Exports {

        /** How long a download link given to an approved export's requester may be used. */
        @WithDefault("15m")
        Duration downloadLinkTtl();

        /** The most of a text or CSV file a reviewer's preview shows. */
        @WithDefault("64K")
        MemorySize previewSize();
    }

    /** The job that purges locked workspaces once their retention has passed. */
    interface Purge {

        /** How often each replica looks for workspaces to purge. */
        @WithDefault("1m")
        Duration interval();

        /** Workspaces claimed per transaction. */
        @WithDefault("50")
        int batchSize();
    }

    /** Limits on the desktops of a workspace. */
    interface Desktops {

        /** Desktops a workspace may have that are not deleted. */
        @WithDefault("3")
        int maxPerWorkspace();

        /** The images a desktop may be created from. */
        @WithDefault("ubuntu-22.04")
        List<String> images();

        /** The largest volume a desktop may have. */
        @WithDefault("200")
        int maxVolumeGb();
    }

    /** A desktop size, as a cloud flavour. */
    interface Flavour {

        int cores();

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
        int pollBatchSize();

        /**
         * How often the poll also checks a desktop that is not waiting on the cloud (running, paused,
         * stopped), so that a server that crashed or drifted from what was asked is seen and put right.
         */
        @WithDefault("10s")
        Duration healthInterval();

        /** How long a runner holds a provider command it took before another replica may take it over. */
        @WithDefault("2m")
        Duration commandLease();

        /** Attempts at a command that fails for a reason other than the cloud's refusal, before it is given up. */
        @WithDefault("5")
        int commandAttempts();

        Simulated simulated();

        Local local();

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
            double failureRate();

            /** A regular expression: a desktop whose name matches always fails to build. */
            Optional<String> failingNames();

            /** The project's core quota: a build beyond it is refused as over quota. */
            @WithDefault("1000")
            int quotaCores();
        }

        /** Desktops as isolated Linux sessions on this host (bubblewrap, Xvfb, openbox, xterm, x11vnc). */
        interface Local {

            /** Where the servers' homes, the workspaces' export and import folders and the releases' folders are kept. */
            @WithDefault("/var/lib/sd-desktop")
            java.nio.file.Path stateDir();

            /**
             * The first host uid the desktops run as (one uid per desktop: base + its slot), when the service runs
             * as root; no account may use these uids.
             */
            @WithDefault("200000")
            int uidBase();

            /** Desktops this host runs at once: a build beyond is refused as over quota. */
            @WithDefault("64")
            int maxServers();

            /** How long a desktop's session may take to show its VNC console before its build counts as failed. */
            @WithDefault("30s")
            Duration bootTimeout();

            /** The virtual screen: width x height x depth. */
            @WithDefault("1280x800x24")
            String screen();

            /** Processes one desktop may run at once (RLIMIT_NPROC of its uid). */
            @WithDefault("512")
            int maxProcesses();

            /** Files one process may hold open (RLIMIT_NOFILE). */
            @WithDefault("4096")
            int maxOpenFiles();
        }
    }

    /** Remote sessions to desktops. */
    interface Sessions {

        /** Open sessions a desktop may have at once. */
        @WithDefault("10")
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
        int expiryBatchSize();

        /** How often each replica checks whether the sessions of its open viewer connections have ended (one query for all). */
        @WithDefault("250ms")
        Duration bridgeCheckInterval();

        /** A viewer connection that sent no heartbeat for this long is closed (the viewer sends one every 20 s). */
        @WithDefault("90s")
        Duration bridgeHeartbeatTimeout();

        /** How often the heartbeats of open viewers are written to their sessions' last-seen time (one statement for all). */
        @WithDefault("10s")
        Duration heartbeatFlushInterval();
    }
}
