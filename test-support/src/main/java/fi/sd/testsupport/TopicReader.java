package fi.sd.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
