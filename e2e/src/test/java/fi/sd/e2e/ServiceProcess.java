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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service (or a replica of one) as a process running its packaged Quarkus application. */
public final class ServiceProcess {

    private static final Pattern MAPPING = Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");
    private static final Pattern POOL = Pattern.compile("id=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final int port;
    private final int managementPort;
    private final Path root;
    private final Path app;
    private final Map<String, String> environment;
    private final ManagedProcess process;
    private Duration startupTime;
    private Duration cpuTimeToReady;

    /** The service packaged in {@code app} (its quarkus-run.jar), run by bin/lib/jvm.sh as bin/sd runs it. */
    ServiceProcess(String service, String instance, Path root, Path app, int port, int managementPort,
            Map<String, String> environment, Path logs) {
        this.service = service;
        this.port = port;
        this.managementPort = managementPort;
        this.root = root;
        this.app = app;
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        this.environment = Map.copyOf(env);
        // The same launcher, JVM options and AOT cache as bin/sd: what the benchmarks measure is what the local run uses.
        this.process = new ManagedProcess(instance, List.of("bash", launcher(), "run", app.toString()), env,
                logs.resolve(instance + ".log"));
    }

    /**
     * Starts the process and waits until its readiness check answers UP (database and broker reachable). On Java 25, a
     * build without an AOT cache gets one first from a training run (once per build, see bin/lib/jvm.sh).
     */
    public ServiceProcess start() {
        return start(List.of());
    }

    /** As {@link #start()}, the JVM and all its threads kept on the CPUs listed ({@code taskset -c}, Linux), e.g. {@code 1} or {@code 0-2}. */
    public ServiceProcess startOn(String cpus) {
        return start(List.of("taskset", "-c", cpus));
    }

    private ServiceProcess start(List<String> launcher) {
        train();
        long started = System.nanoTime();
        process.start(launcher, Map.of());
        awaitReady();
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        cpuTimeToReady = cpuTime();
        return this;
    }

    /**
     * Starts it as {@link #start} does, with these JVM options after its own (for a profile of its start), and waits until
     * it is ready; the figures of the last {@link #start} stay.
     */
    public ServiceProcess startWithOptions(String javaOptions) {
        train();
        String own = environment.getOrDefault("SD_JAVA_OPTS", "");
        process.start(List.of(), Map.of("SD_JAVA_OPTS", (own + " " + javaOptions).strip()));
        awaitReady();
        return this;
    }

    private void train() {
        try {
            Path log = process.log().resolveSibling(process.name() + "-training.log");
            ProcessBuilder training = new ProcessBuilder("bash", launcher(), "train", app.toString(), managementUrl() + "/q/health/ready")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(root.toFile());
            training.environment().putAll(environment);
            Files.createDirectories(log.getParent());
            Process running = training.start();
            if (!running.waitFor(6, TimeUnit.MINUTES) || running.exitValue() != 0) {
                running.destroyForcibly();
                throw new IllegalStateException("The training run of " + service + " failed: see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String launcher() {
        return root.resolve("bin/lib/jvm.sh").toString();
    }

    /** From launching the JVM to the first ready answer, at the last start. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The CPU time (user and system) the JVM had used when it was first ready, at the last start: unlike the wall-clock
     * time, hardly changed by the other processes on the machine. */
    public Duration cpuTimeToReady() {
        return cpuTimeToReady;
    }

    /** The process's CPU time so far (Linux; clock ticks of 10 ms). */
    public Duration cpuTime() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * The process's resident memory (Linux, /proc/PID/smaps) by what is mapped, in MiB: "AOT cache" (the mapped cache
     * file), "files" (jars, shared libraries), "anonymous" (the heap, metaspace, the code cache, thread stacks, malloc).
     */
    public Map<String, Long> residentMemoryByMapping() {
        Map<String, Long> kib = new LinkedHashMap<>(Map.of("AOT cache", 0L, "files", 0L, "anonymous", 0L));
        try {
            String kind = "anonymous";
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps"))) {
                if (MAPPING.matcher(line).lookingAt()) {
                    String[] fields = line.trim().split("\\s+", 6);
                    String path = fields.length == 6 ? fields[5] : "";
                    kind = path.endsWith(".aot") ? "AOT cache" : path.startsWith("/") ? "files" : "anonymous";
                } else if (line.startsWith("Rss:")) {
                    kib.merge(kind, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kib.replaceAll((kind, value) -> value / 1024);
        return kib;
    }

    /** The JVM's committed memory by pool (`jvm_memory_committed_bytes`, by its id: the heap's spaces, Metaspace, CodeHeap...), in MiB. */
    public Map<String, Long> committedMemoryMib() {
        Map<String, Long> bytes = new TreeMap<>();
        metrics().lines().filter(line -> line.startsWith("jvm_memory_committed_bytes{")).forEach(line -> {
            Matcher id = POOL.matcher(line);
            String area = line.contains("area=\"heap\"") ? "heap" : id.find() ? id.group(1) : "?";
            bytes.merge(area, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum);
        });
        bytes.replaceAll((area, value) -> value / (1024 * 1024));
        return bytes;
    }

    private String metrics() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The heap in use now, from the service's own metrics (`jvm_memory_used_bytes`, area heap), in MiB. */
    public long heapUsedMib() {
        double used = metrics().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return (long) used / (1024 * 1024);
    }

    /** The heap in use right after a full collection ({@code jcmd PID GC.run}, with the service's own JDK), in MiB. */
    public long heapAfterFullCollectionMib() {
        String java = ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().command())
                .orElseThrow(() -> new IllegalStateException(service + " has exited"));
        try {
            Process gc = new ProcessBuilder(Path.of(java).resolveSibling("jcmd").toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed on " + service);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return heapUsedMib();
    }

    public boolean alive() {
        return process.alive();
    }

    public Path log() {
        return process.log();
    }

    public void awaitReady() {
        await(process.name() + " ready").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50)).until(() -> {
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
