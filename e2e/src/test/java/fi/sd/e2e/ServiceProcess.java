package fi.sd.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service (or a replica of one) as a process running its packaged Quarkus application. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final int port;
    private final int managementPort;
    private final ManagedProcess process;
    private Duration startupTime;

    ServiceProcess(String service, String instance, Path jar, Path jvmOptions, int port, int managementPort,
            Map<String, String> environment, Path logs) {
        this.service = service;
        this.port = port;
        this.managementPort = managementPort;
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        // The same JVM options as bin/sd: what the benchmarks measure is what the local run uses.
        this.process = new ManagedProcess(instance, List.of(KafkaBrokerProcess.java(), "@" + jvmOptions, "-jar", jar.toString()),
                env, logs.resolve(instance + ".log"));
    }

    /** Starts the process and waits until its readiness check answers UP (database and broker reachable). */
    public ServiceProcess start() {
        long started = System.nanoTime();
        process.start();
        awaitReady();
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    /** From launching the JVM to the first ready answer, at the last start. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The process's resident memory now (Linux), in MiB. */
    public long residentMemoryMib() {
        return status("VmRSS:") / 1024;
    }

    /** How many threads the process has now (Linux). */
    public long threads() {
        return status("Threads:");
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return process.log();
    }

    public void awaitReady() {
        await(process.name() + " ready").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " stopped while starting:\n" + process.logTail());
            }
            return ready();
        });
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    public void stop() {
        process.stop();
    }

    /** kill -9. */
    public void kill() {
        process.kill();
    }

    public String service() {
        return service;
    }

    /** Where the API is served. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health, metrics and the service's OpenAPI document are served. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }
}
