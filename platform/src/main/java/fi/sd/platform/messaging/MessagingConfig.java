package fi.sd.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How a service publishes and consumes events. */
@ConfigMapping(prefix = "sd.messaging")
public interface MessagingConfig {

    /** The service's name: its consumer group, the CloudEvents source of what it publishes, its DLQ suffix. */
    @WithName("service-name")
    String serviceName();

    Topics topics();

    Outbox outbox();

    Inbox inbox();

    interface Topics {

        /** Create the topics this service writes (its own and its dead-letter topics) at start-up, when missing. */
        @WithDefault("true")
        boolean create();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Outbox {

        /** Run the relay in this process. Every replica may run it: one holds the lease at a time. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows that no commit signalled (other replicas' rows, or after a failure). */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** How long the relay waits after a failed send before it tries again (doubling up to max-backoff). */
        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Published rows are deleted after this long. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Inbox {

        /** Consume the topics that this service's event handlers listen to. */
        @WithDefault("true")
        boolean consumerEnabled();

        /** Attempts at one event before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        @WithDefault("500")
        int maxPollRecords();

        /**
         * Events applied in one transaction, at most (a poll's records are applied in batches of this many).
         * Larger batches cost fewer transactions and round trips per event, and hold their row locks longer.
         */
        @WithDefault("100")
        int batchSize();
    }
}
