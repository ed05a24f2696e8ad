package fi.sd.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic from its beginning, outside any consumer group, to see exactly what a service published. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<PartitionInfo> partitions = Awaitility.await("topic " + topic + " exists")
                .atMost(Duration.ofSeconds(30))
                // A broker slow to answer (a busy machine) is asked again until the 30 s are up.
                .ignoreException(TimeoutException.class)
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), p -> p != null && !p.isEmpty());
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    public static TopicReader fromBeginning(String topic) {
        return new TopicReader(topic);
    }

    /** Waits until at least {@code count} records match, and returns every matching record read so far. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(matching).count() >= count;
        });
        return seen.stream().filter(matching).toList();
    }

    /**
     * Waits until {@code count} distinct events (by {@code ce_id}) match, and returns the first
     * delivery of each in the order read: a record delivered again (at least once) counts once.
     */
    public List<ConsumerRecord<String, String>> awaitDistinct(Predicate<ConsumerRecord<String, String>> matching, int count,
            Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return firstDeliveries(matching).size() >= count;
        });
        return firstDeliveries(matching);
    }

    private List<ConsumerRecord<String, String>> firstDeliveries(Predicate<ConsumerRecord<String, String>> matching) {
        Map<String, ConsumerRecord<String, String>> first = new LinkedHashMap<>();
        seen.stream().filter(matching).forEach(r -> first.putIfAbsent(eventId(r), r));
        return List.copyOf(first.values());
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? record.topic() + "/" + record.partition() + "@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8);
    }

    /** Everything that arrives within {@code window} and matches: for proving that something was not published twice. */
    public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> matching, Duration window) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
