package fi.sd.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server for tests: S3Proxy with its filesystem backend (the s3-server module resolves
 * its jar from Maven Central), as a process of its own on a free port, its objects as files under
 * a directory the test can inspect. {@link #shared()} is the one server of a test JVM, started on
 * first use; {@link #start(Path)} starts another (the end-to-end tests run one per system).
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "sd-test";
    private static S3TestServer shared;

    private final Path dataDir;
    private final String secretKey = UUID.randomUUID().toString();
    private final int port;
    private final Process process;

    private S3TestServer(Path dataDir) throws IOException {
        this.dataDir = Files.createDirectories(dataDir.toAbsolutePath());
        this.port = freePort();
        Path properties = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + this.dataDir,
                ""));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPath(), "org.gaul.s3proxy.Main", "--properties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "s3-test-server-stop"));
        await("S3Proxy listening on port " + port + " (log: " + log + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("S3Proxy stopped: see " + log);
                    }
                    return listening(port);
                });
    }

    /** The server of this test JVM, its objects under {@code target/}. */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start(Path.of("target", "s3-test-" + UUID.randomUUID()));
        }
        return shared;
    }

    /** Another server, its objects under {@code dataDir}. */
    public static S3TestServer start(Path dataDir) {
        try {
            return new S3TestServer(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the server keeps its buckets: one folder each, one file per object. */
    public Path dataDir() {
        return dataDir;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The storage settings ({@code sd.storage.*}) of a service using this server, with a bucket of its own that it creates. */
    public Map<String, String> storageConfig(String bucket, String masterKey) {
        Map<String, String> config = new HashMap<>();
        config.put("sd.storage.endpoint", endpoint());
        config.put("sd.storage.bucket", bucket);
        config.put("sd.storage.access-key", accessKey());
        config.put("sd.storage.secret-key", secretKey());
        config.put("sd.storage.create-buckets", "true");
        config.put("sd.storage.master-key", masterKey);
        return config;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The class path the s3-server module wrote at package time, found from the working directory upwards. */
    private static String classPath() throws IOException {
        String configured = System.getProperty("sd.s3proxy.classpath");
        if (configured != null) {
            return Files.readString(Path.of(configured)).trim();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("s3-server/target/s3proxy.classpath");
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
        }
        throw new IllegalStateException("No s3-server/target/s3proxy.classpath above " + Path.of("").toAbsolutePath()
                + ": build with the reactor (./mvnw ... -pl MODULE -am), which packages the s3-server module first");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
