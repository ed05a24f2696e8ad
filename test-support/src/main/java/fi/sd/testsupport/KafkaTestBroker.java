package fi.sd.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined node) for the tests of one JVM, started on first use.
 * With {@code SD_TEST_KAFKA_BOOTSTRAP} set, the tests use that broker instead.
 */
public final class KafkaTestBroker {

    private static String bootstrapServers;

    private KafkaTestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("SD_TEST_KAFKA_BOOTSTRAP");
            bootstrapServers = external != null && !external.isBlank() ? external : startInProcess();
        }
        return bootstrapServers;
    }

    private static String startInProcess() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    System.err.println("Kafka test broker did not close cleanly: " + e);
                }
            }, "kafka-test-broker-close"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker", e);
        }
    }
}
