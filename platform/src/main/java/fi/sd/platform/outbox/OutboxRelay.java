package fi.sd.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.messaging.TopicProvisioner;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka on a thread of its own. It wakes up when a transaction that
 * wrote rows commits (so an event leaves within milliseconds), and otherwise every poll interval
 * to pick up what other replicas or earlier failures left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final OutboxPublisher publisher;
    private final TopicProvisioner topics;
    private final MessagingConfig.Outbox config;
    private final Semaphore wakeUp = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    @Inject
    public OutboxRelay(OutboxPublisher publisher, TopicProvisioner topics, MessagingConfig config) {
        this.publisher = publisher;
        this.topics = topics;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled in this process");
            return;
        }
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.countDown();
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void run() {
        try {
            topics.awaitProvisioned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Backoff backoff = new Backoff(config.retryBackoff(), config.maxBackoff(), stopping);
        Instant nextCleanup = Instant.now();
        while (stopping.getCount() > 0) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                int published;
                do {
                    published = publisher.publishBatch();
                } while (published == config.batchSize() && stopping.getCount() > 0);
                if (Instant.now().isAfter(nextCleanup)) {
                    publisher.deletePublishedBefore(Instant.now().minus(config.retention()));
                    nextCleanup = Instant.now().plus(CLEANUP_INTERVAL);
                }
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay failed, retrying in %s: %s", backoff.delay(), e.toString());
                if (backoff.waitOut()) {
                    return;
                }
            }
        }
    }
}
