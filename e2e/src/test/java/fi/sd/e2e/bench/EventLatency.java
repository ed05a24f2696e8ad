package fi.sd.e2e.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.events.EventType;

/**
 * {@code POST /permits} → {@code WorkspaceProvisioned} on the broker (the workspace is READY), one permit at
 * a time, beside a raw produce → consume round trip on the same broker with the services' producer settings.
 */
final class EventLatency {

    private static final int SAMPLES = 200;
    private static final String ROUND_TRIP_TOPIC = "sd.bench.round-trip";

    void run(E2eSystem system, Api api, Report report) throws Exception {
        report.section("Event latency", "One flow at a time, " + SAMPLES + " times after 20 for warm-up: the time from sending "
                + "`POST /api/v1/permits` to the gateway until desktop-service's `WorkspaceProvisioned` for that permit is "
                + "read from `sd.desktop.events` (outbox → relay → broker → inbox → workspace → outbox → relay → broker). "
                + "Beside it, in the same run, a raw round trip: one record produced (`acks=all`, idempotent) and consumed, "
                + SAMPLES + " times.");
        Percentiles raw = rawRoundTrip(system.bootstrapServers());
        Percentiles flow = permitToWorkspace(system, api);
        report.table("measure", "p50 (ms)", "p95 (ms)", "p99 (ms)", "samples");
        report.row("POST /permits → WorkspaceProvisioned", fmt(flow.millis(50)), fmt(flow.millis(95)), fmt(flow.millis(99)), flow.count());
        report.row("raw Kafka produce → consume", fmt(raw.millis(50)), fmt(raw.millis(95)), fmt(raw.millis(99)), raw.count());
        double factor = flow.millis(99) / raw.millis(99);
        report.verdict("event latency p99", fmt(flow.millis(99)) + " ms", "≤ 200 ms", flow.millis(99) <= 200);
        report.verdict("event latency vs raw Kafka (p99)", String.format("%.1f ×", factor), "≤ 10 ×", factor <= 10);
    }

    private Percentiles permitToWorkspace(E2eSystem system, Api api) throws Exception {
        Map<String, Long> provisionedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (KafkaConsumer<String, String> consumer = consumer(system.bootstrapServers())) {
            String topic = EventType.WORKSPACE_PROVISIONED.topic().topicName();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        if (EventType.WORKSPACE_PROVISIONED.ceType().equals(header(record, "ce_type"))) {
                            provisionedAt.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }, "bench-workspace-reader");
            reader.start();
            Percentiles flow = new Percentiles();
            try {
                for (int i = 0; i < SAMPLES + 20; i++) {
                    long sent = System.nanoTime();
                    String permitId = api.grantFindataPermit("bench-latency-" + i);
                    long deadline = sent + TimeUnit.SECONDS.toNanos(30);
                    while (!provisionedAt.containsKey(permitId)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("No WorkspaceProvisioned for permit " + permitId + " within 30 s");
                        }
                        Thread.onSpinWait();
                    }
                    if (i >= 20) {
                        flow.add(provisionedAt.get(permitId) - sent);
                    }
                }
            } finally {
                reading.set(false);
                reader.join();
            }
            return flow;
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
            for (int i = 0; i < SAMPLES + 20; i++) {
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
                if (i >= 20) {
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
