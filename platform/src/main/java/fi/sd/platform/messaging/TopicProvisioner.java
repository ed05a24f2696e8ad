package fi.sd.platform.messaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import fi.sd.events.Topic;
import fi.sd.platform.inbox.DeadLetters;
import fi.sd.platform.inbox.EventHandlers;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates, before the relay and the consumer start, the topics this service touches: the one it
 * writes, the ones it reads and its dead-letter topics. Existing topics are left as they are. It runs
 * on a thread of its own, which the relay's and the consumer's threads wait for: the broker's round
 * trips (and the admin client's start) are not on the start-up's main thread.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 15;

    private final KafkaClients kafka;
    private final EventHandlers handlers;
    private final MessagingConfig config;
    private final CountDownLatch done = new CountDownLatch(1);

    @Inject
    public TopicProvisioner(KafkaClients kafka, EventHandlers handlers, MessagingConfig config) {
        this.kafka = kafka;
        this.handlers = handlers;
        this.config = config;
    }

    void provision(@Observes @Priority(100) StartupEvent event) {
        if (!config.topics().create()) {
            done.countDown();
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                provision();
            } finally {
                done.countDown();
            }
        }, "topic-provisioning");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the topics were provisioned (or provisioning gave up: the relay and consumer retry then). */
    public void awaitProvisioned() throws InterruptedException {
        done.await(2 * TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void provision() {
        Set<String> names = topicNames();
        try (Admin admin = kafka.newAdmin()) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            // Another replica may have created them meanwhile, or the broker is not up yet: the relay and consumer retry.
            LOG.warnf("Topics %s not provisioned: %s", names, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<String> topicNames() {
        Set<String> names = new TreeSet<>(handlers.topics());
        for (Topic topic : Topic.values()) {
            if (topic.producer().equals(config.serviceName())) {
                names.add(topic.topicName());
            }
        }
        for (String consumed : handlers.topics()) {
            names.add(DeadLetters.topicFor(consumed, config.serviceName()));
        }
        return names;
    }
}
