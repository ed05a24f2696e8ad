package fi.sd.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * The Kafka broker of the local run (KRaft, the kafka-broker module's class path and settings) as a
 * process of its own, so that a test can stop it and start it again on the same data.
 */
public final class KafkaBrokerProcess {

    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final Path directory;
    private final ManagedProcess process;

    KafkaBrokerProcess(Path root, Path directory) {
        this.directory = directory;
        try {
            String classPath = Files.readString(root.resolve("kafka-broker/target/broker.classpath")).trim();
            Path properties = directory.resolve("server.properties");
            Files.createDirectories(directory);
            Files.writeString(properties, Files.readString(root.resolve("kafka-broker/server.properties"))
                    + "\nlog.dirs=" + directory.resolve("data")
                    + "\ncontroller.quorum.voters=1@127.0.0.1:" + controllerPort
                    + "\nlisteners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                    + "\nadvertised.listeners=PLAINTEXT://127.0.0.1:" + port + "\n");
            List<String> format = List.of(java(), "-cp", classPath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString());
            Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("format.log").toFile()).start();
            if (formatting.waitFor() != 0) {
                throw new IllegalStateException("Formatting the broker's storage failed: see " + directory.resolve("format.log"));
            }
            process = new ManagedProcess("kafka", List.of(java(), "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", classPath, "kafka.Kafka", properties.toString()), Map.of(), directory.resolve("kafka.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public void start() {
        process.start();
        await("the Kafka broker listening on " + port).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.alive()) {
                        throw new IllegalStateException("The Kafka broker stopped:\n" + process.logTail());
                    }
                    return FreePorts.listening(port);
                });
    }

    public void stop() {
        process.stop();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }
}
