package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import fi.sd.events.EventType;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TopicReader;

/** Faults survived, nothing lost: each test counts what arrived. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT extends SystemTest {

    private static final String PERMIT_TOPIC = EventType.PERMIT_GRANTED.topic().topicName();
    private static final String GRANTED = EventType.PERMIT_GRANTED.ceType();
    private static final String AMENDED = EventType.PERMIT_AMENDED.ceType();
    private static final String EXPIRED = EventType.PERMIT_EXPIRED.ceType();

    @Test
    @Order(1)
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextEventsFlow() throws Exception {
        String run = "malformed-" + UUID.randomUUID();
        TestEvents.send(new ProducerRecord<>(PERMIT_TOPIC, run, "{this is not a CloudEvent"));
        String permitId = api.grantFindataPermit(run);

        await().atMost(Duration.ofSeconds(60)).until(() -> Workspaces.count(system, run).rows() == 1);
        try (TopicReader deadLetters = TopicReader.fromBeginning(PERMIT_TOPIC + ".dlq." + E2eSystem.DESKTOP)) {
            ConsumerRecord<String, String> dead = deadLetters.await(r -> run.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(dead.value()).isEqualTo("{this is not a CloudEvent");
            assertThat(header(dead, "sd_original_topic")).isEqualTo(PERMIT_TOPIC);
            assertThat(header(dead, "sd_error_class")).isNotBlank();
        }
        assertThat(permitId).isNotBlank();
    }

    @Test
    @Order(2)
    void killingDesktopServiceWhilePermitsAreGrantedLosesNoWorkspaceAndMakesNoneTwice() throws Exception {
        String run = "kill9-" + UUID.randomUUID();
        int permits = 200;
        AtomicInteger granted = new AtomicInteger();
        ExecutorService granting = Executors.newFixedThreadPool(4);
        List<Future<String>> grants = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            grants.add(granting.submit(() -> {
                String id = api.grantFindataPermit(run + "-" + UUID.randomUUID());
                granted.incrementAndGet();
                return id;
            }));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> granted.get() >= permits / 4);
        ServiceProcess desktop = system.service(E2eSystem.DESKTOP);
        desktop.kill();
        int grantedWhileDown = granted.get();
        desktop.start();

        Set<String> permitIds = new HashSet<>();
        for (Future<String> grant : grants) {
            permitIds.add(grant.get());
        }
        granting.shutdown();
        assertThat(permitIds).hasSize(permits);
        assertThat(grantedWhileDown).isLessThan(permits);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Workspaces.count(system, run).rows() >= permits);
        // Redeliveries of what the killed process had applied but not committed keep arriving for a while: still one each.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Workspaces.count(system, run).equals(new Workspaces.Count(permits, permits)));
    }

    @Test
    @Order(3)
    void stoppingTheBrokerMidFlowLosesNoEventAndKeepsTheOrderPerPermit() throws Exception {
        String run = "broker-" + UUID.randomUUID();
        List<String> before = grant(run, 10);
        system.broker().stop();
        List<String> during = grant(run, 10);
        // Amendments while the broker is down: each must follow its permit's PermitGranted.
        for (String permitId : during.subList(0, 5)) {
            api.asFindata().body(Map.of("validUntil", system.today().plusYears(2).toString(), "reason", "Extension while the broker is down"))
                    .post("/permits/{id}/amendments", permitId).then().statusCode(201);
        }
        system.broker().start();

        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        Set<String> ids = new HashSet<>(all);
        try (TopicReader topic = TopicReader.fromBeginning(PERMIT_TOPIC)) {
            // Events sent while the broker was going away may be delivered twice (at least once): each counts once.
            List<ConsumerRecord<String, String>> records = topic.awaitDistinct(r -> ids.contains(r.key()), all.size() + 5,
                    Duration.ofSeconds(120));
            Map<String, List<String>> typesPerPermit = new HashMap<>();
            records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                    .forEach(r -> typesPerPermit.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(header(r, "ce_type")));
            assertThat(typesPerPermit).hasSize(all.size());
            for (String permitId : before) {
                assertThat(typesPerPermit.get(permitId)).containsExactly(GRANTED);
            }
            for (String permitId : during.subList(0, 5)) {
                assertThat(typesPerPermit.get(permitId)).containsExactly(GRANTED, AMENDED);
            }
            for (String permitId : during.subList(5, 10)) {
                assertThat(typesPerPermit.get(permitId)).containsExactly(GRANTED);
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Workspaces.count(system, run).rows() >= all.size());
        assertThat(Workspaces.count(system, run)).isEqualTo(new Workspaces.Count(all.size(), all.size()));
    }

    @Test
    @Order(4)
    void replayingTheTopicFromTheStartAppliesNothingTwice() throws Exception {
        String run = "replay-" + UUID.randomUUID();
        grant(run, 5);
        await().atMost(Duration.ofSeconds(60)).until(() -> Workspaces.count(system, run).rows() == 5);
        long workspacesBefore = Workspaces.count(system, "").rows();

        ServiceProcess desktop = system.service(E2eSystem.DESKTOP);
        desktop.stop();
        long replayed;
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            Admin admin = lag.admin();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(E2eSystem.DESKTOP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> start = committed.keySet().stream()
                    .filter(p -> p.topic().equals(PERMIT_TOPIC))
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            assertThat(start).isNotEmpty();
            replayed = start.keySet().stream().mapToLong(p -> committed.get(p).offset()).sum();
            // Refused while the stopped consumer's membership has not yet expired.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> admin.alterConsumerGroupOffsets(E2eSystem.DESKTOP, start).all().get());
        }
        desktop.start();

        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            await("desktop-service has read the permit topic again to its end").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> lag.of(E2eSystem.DESKTOP, PERMIT_TOPIC) == 0);
        }
        assertThat(replayed).isGreaterThan(0);
        assertThat(Workspaces.count(system, "").rows()).isEqualTo(workspacesBefore);
        assertThat(Workspaces.count(system, run)).isEqualTo(new Workspaces.Count(5, 5));
        // The restarted process counts from zero: every PermitGranted read again was recognised as a duplicate.
        assertThat(Metrics.sum(desktop.managementUrl(), "sd_events_consumed_total", "outcome=\"duplicate\""))
                .isGreaterThanOrEqualTo(workspacesBefore);
    }

    @Test
    @Order(5)
    void twoReplicasOfPermitAndDesktopServiceCreateEachWorkspaceOnceAndExpireEachPermitOnce() throws Exception {
        String run = "replicas-" + UUID.randomUUID();
        ServiceProcess permitReplica = system.startReplica(E2eSystem.PERMIT);
        ServiceProcess desktopReplica = system.startReplica(E2eSystem.DESKTOP);
        try {
            List<String> permitIds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // Half through the gateway (the first replica), half straight to the second: both relays publish.
                var request = i % 2 == 0 ? api.asFindata()
                        : api.asFindata().baseUri(permitReplica.url());
                permitIds.add(request.body(Api.findataPermit(run + "-" + i, system.today(), system.today()))
                        .post("/permits").then().statusCode(201).extract().path("id"));
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Workspaces.count(system, run).rows() >= permitIds.size());
            assertThat(Workspaces.count(system, run)).isEqualTo(new Workspaces.Count(permitIds.size(), permitIds.size()));

            Set<String> ids = new HashSet<>(permitIds);
            system.advanceClock(Duration.ofDays(2));
            try (TopicReader topic = TopicReader.fromBeginning(PERMIT_TOPIC)) {
                topic.await(r -> ids.contains(r.key()) && EXPIRED.equals(header(r, "ce_type")), ids.size(), Duration.ofSeconds(120));
                // Both schedulers have had several rounds since: still one PermitExpired per permit.
                List<ConsumerRecord<String, String>> expired = topic.drain(
                        r -> ids.contains(r.key()) && EXPIRED.equals(header(r, "ce_type")), Duration.ofSeconds(5));
                assertThat(expired.stream().map(ConsumerRecord::key).toList()).hasSize(ids.size()).doesNotHaveDuplicates();
                // No outbox row was sent twice by the two relays: every event id on the topic is unique.
                List<String> eventIds = topic.drain(r -> ids.contains(r.key()), Duration.ofMillis(500)).stream()
                        .map(r -> header(r, "ce_id")).filter(id -> id != null).toList();
                assertThat(eventIds).doesNotHaveDuplicates();
            }
        } finally {
            permitReplica.stop();
            desktopReplica.stop();
        }
    }

    private static List<String> grant(String run, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.grantFindataPermit(run + "-" + i));
        }
        return Collections.unmodifiableList(ids);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
