package fi.sd.e2e.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fi.sd.e2e.E2eSystem;
import fi.sd.events.EventType;

/**
 * {@code POST /permits} → {@code WorkspaceProvisioned} on the broker (the workspace is READY), one permit at
 * a time, beside a raw produce → consume round trip on the same broker with the services' producer settings.
 */
final class EventLatency {

    private static final int SAMPLES = 200;
    /**
     * Flows before the samples: enough for the JIT to compile the services' paths, as in a service that has been up a
     * while (with 20, the figures were those of interpreted code).
     */
    private static final int WARM_UP = 300;
    private static final String ROUND_TRIP_TOPIC = "sd.bench.round-trip";

    void run(E2eSystem system, Report report) throws Exception {
        report.section("Event latency", "One flow at a time (one token, connections kept alive, as a front end), " + SAMPLES
                + " times after " + WARM_UP + " for warm-up: the time from sending "
                + "`POST /api/v1/permits` to the gateway until desktop-service's `WorkspaceProvisioned` for that permit is "
                + "read from `sd.desktop.events` (outbox → relay → broker → inbox → workspace → outbox → relay → broker). "
                + "Beside it, in the same run, a raw round trip: one record produced (`acks=all`, idempotent) and consumed, "
                + SAMPLES + " times after " + WARM_UP + " for warm-up.");
        Percentiles raw = rawRoundTrip(system.bootstrapServers());
        Map<String, Percentiles> stages = new LinkedHashMap<>();
        Percentiles flow = permitToWorkspace(system, stages);
        report.table("measure", "p50 (ms)", "p95 (ms)", "p99 (ms)", "samples");
        report.row("POST /permits → WorkspaceProvisioned", fmt(flow.millis(50)), fmt(flow.millis(95)), fmt(flow.millis(99)), flow.count());
        report.row("raw Kafka produce → consume", fmt(raw.millis(50)), fmt(raw.millis(95)), fmt(raw.millis(99)), raw.count());
        report.note("Where the time goes: each stage of the same flows as wall-clock time from sending the POST, read from the "
                + "events' `ce_time` and record timestamps (milliseconds; the processes share the machine's clock).");
        report.table("stage, from sending the POST", "p50 (ms)", "p95 (ms)", "p99 (ms)");
        stages.forEach((stage, at) -> report.row(stage, fmt(at.millis(50)), fmt(at.millis(95)), fmt(at.millis(99))));
        double factor = flow.millis(99) / raw.millis(99);
        report.verdict("event latency p99", fmt(flow.millis(99)) + " ms", "≤ 200 ms", flow.millis(99) <= 200);
        report.verdict("event latency vs raw Kafka (p99)", String.format("%.1f ×", factor), "≤ 10 ×", factor <= 10);
    }

    /** The stages of one flow, each as milliseconds of wall-clock time from sending the POST. */
    private static final List<String> STAGES = List.of("POST /permits answered", "PermitGranted committed (its ce_time)",
            "PermitGranted sent by the relay (record timestamp)", "workspace READY committed (WorkspaceProvisioned ce_time)",
            "WorkspaceProvisioned sent by the relay (record timestamp)", "WorkspaceProvisioned read");

    /** What the reader saw of one permit's flow on the broker: wall-clock milliseconds. */
    private record Seen(long timestamp, long occurred, long readNanos, long readMillis) {
    }

    private Percentiles permitToWorkspace(E2eSystem system, Map<String, Percentiles> stages) throws Exception {
        // Waited for, not spun on: a spinning bench would take one of the two cores from the services it measures.
        Map<String, CompletableFuture<Seen>> granted = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Seen>> provisioned = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (KafkaConsumer<String, String> consumer = consumer(system.bootstrapServers())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventType type : List.of(EventType.PERMIT_GRANTED, EventType.WORKSPACE_PROVISIONED)) {
                String topic = type.topic().topicName();
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        String type = header(record, "ce_type");
                        Map<String, CompletableFuture<Seen>> arrivals = EventType.WORKSPACE_PROVISIONED.ceType().equals(type)
                                ? provisioned : EventType.PERMIT_GRANTED.ceType().equals(type) ? granted : null;
                        if (arrivals != null) {
                            arrival(arrivals, record.key()).complete(new Seen(record.timestamp(),
                                    Instant.parse(header(record, "ce_time")).toEpochMilli(), System.nanoTime(), System.currentTimeMillis()));
                        }
                    }
                }
            }, "bench-workspace-reader");
            reader.start();
            // A front end's way: one token, connections kept alive (a new token per request would be verified anew).
            FlowDriver client = new FlowDriver(system);
            Percentiles flow = new Percentiles();
            STAGES.forEach(stage -> stages.put(stage, new Percentiles()));
            try {
                for (int i = 0; i < SAMPLES + WARM_UP; i++) {
                    long sent = System.nanoTime();
                    long sentMillis = System.currentTimeMillis();
                    String permitId = client.grant("bench-latency-" + i).get(30, TimeUnit.SECONDS);
                    long answeredMillis = System.currentTimeMillis();
                    Seen ready = awaitArrival(provisioned, permitId, "WorkspaceProvisioned");
                    Seen grant = awaitArrival(granted, permitId, "PermitGranted");
                    if (i >= WARM_UP) {
                        flow.add(ready.readNanos() - sent);
                        long[] at = {answeredMillis, grant.occurred(), grant.timestamp(), ready.occurred(), ready.timestamp(), ready.readMillis()};
                        for (int stage = 0; stage < STAGES.size(); stage++) {
                            stages.get(STAGES.get(stage)).add(TimeUnit.MILLISECONDS.toNanos(at[stage] - sentMillis));
                        }
                    }
                }
            } finally {
                reading.set(false);
                reader.join();
            }
            return flow;
        }
    }

    private static CompletableFuture<Seen> arrival(Map<String, CompletableFuture<Seen>> arrivals, String permitId) {
        return arrivals.computeIfAbsent(permitId, id -> new CompletableFuture<>());
    }

    private static Seen awaitArrival(Map<String, CompletableFuture<Seen>> arrivals, String permitId, String event) throws Exception {
        try {
            return arrival(arrivals, permitId).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No " + event + " for permit " + permitId + " within 30 s", e);
        }
    }

    private Percentiles rawRoundTrip(String bootstrap) throws Exception {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            admin.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        Percentiles raw = new Percentiles();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(ROUND_TRIP_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < SAMPLES + WARM_UP; i++) {
                String key = "round-trip-" + i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, key, "{}"));
                boolean received = false;
                while (!received) {
                    if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("The round-trip record " + key + " did not come back within 30 s");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        received |= key.equals(record.key());
                    }
                }
                if (i >= WARM_UP) {
                    raw.add(System.nanoTime() - sent);
                }
            }
        }
        return raw;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }
}
