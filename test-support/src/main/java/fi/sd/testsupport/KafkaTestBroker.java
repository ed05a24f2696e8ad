package fi.sd.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real Kafka broker (KRaft, one combined node) for the tests of one JVM, started on first use.
 * With {@code SD_TEST_KAFKA_BOOTSTRAP} set, the tests use that broker instead.
 */
public final class KafkaTestBroker {

    private static String bootstrapServers;

    private KafkaTestBroker() {
    }

    /** Points the test helpers (topic reader, event publisher) at a broker that the test started itself. */
    public static synchronized void useExternal(String bootstrap) {
        if (bootstrapServers != null && !bootstrapServers.equals(bootstrap)) {
            throw new IllegalStateException("The tests of this JVM already use the broker at " + bootstrapServers);
        }
        bootstrapServers = bootstrap;
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("SD_TEST_KAFKA_BOOTSTRAP");
            bootstrapServers = external != null && !external.isBlank() ? external : startInProcess();
        }
        return bootstrapServers;
    }

    private static String startInProcess() {
        // A broker fault must fail a test, not halt the JVM of the whole test run.
        Exit.setHaltProcedure((code, message) -> System.err.println("Kafka test broker wanted to halt (" + code + "): " + message));
        Exit.setExitProcedure((code, message) -> System.err.println("Kafka test broker wanted to exit (" + code + "): " + message));
        try {
            // Under target/, not a temporary directory that another shutdown hook deletes while the broker still runs.
            Path dataDir = Files.createDirectories(Path.of("target", "kafka-test-" + UUID.randomUUID()).toAbsolutePath());
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(dataDir)
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
                    .setDeleteOnClose(true)
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
