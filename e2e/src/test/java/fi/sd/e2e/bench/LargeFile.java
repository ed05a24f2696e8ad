package fi.sd.e2e.bench;

import static io.restassured.RestAssured.given;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;
import fi.sd.storage.FileDigest;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StandaloneStorage;
import fi.sd.testsupport.TestTokens;

/**
 * One 2 GB release file streamed through the gateway into permit-service and the encrypted store
 * (in), then read back and decrypted through the storage module (out), while the heap of every
 * service is sampled: a service that held the file would need 16 times its -Xmx.
 */
final class LargeFile {

    static final long SIZE = 2L * 1024 * 1024 * 1024;
    private static final String NAME = "genomes/cohort.vcf";

    void run(E2eSystem system, Api api, Report report) throws Exception {
        report.section("Large file", "One " + SIZE / (1024 * 1024) + " MiB release file (generated, not on disk): its SHA-256 "
                + "computed first, the release declared, then `PUT .../files/" + NAME + "` streamed through the gateway (with its "
                + "length) into permit-service, which encrypts it into S3Proxy in parts while hashing it (in: from the first byte sent to "
                + "the 201); then the stored object read and decrypted through the storage module in the benchmark's JVM, its SHA-256 "
                + "checked (out). Each service's heap (`jvm_memory_used_bytes`, area heap) sampled every 200 ms meanwhile; every "
                + "service runs with `deploy/jvm.options` (-Xmx128m).");
        String permitId = api.grantFindataPermit("large-file-" + UUID.randomUUID());
        String sha256;
        try (InputStream content = new Generated(SIZE)) {
            sha256 = FileDigest.of(content).sha256();
        }
        String releaseId = api.asFindata().body(Map.of("datasetId", "thl-avohilmo", "files",
                List.of(Map.of("name", NAME, "sizeBytes", SIZE, "sha256", sha256))))
                .post("/permits/{id}/releases", permitId).then().statusCode(201).extract().path("id");

        HeapSampler heap = new HeapSampler(system.services());
        long started = System.nanoTime();
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.gatewayUrl() + "/api/v1/permits/" + permitId + "/releases/" + releaseId + "/files/" + NAME))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", TestTokens.user(Api.FINDATA_OFFICER, "permit-authority").bearer())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(SIZE)), SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());
        double inSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> peakIn = heap.stop();
        if (stored.statusCode() != 201) {
            throw new IllegalStateException("the upload answered " + stored.statusCode() + ": " + stored.body());
        }
        String storageKey = storageKey(system, releaseId);

        heap = new HeapSampler(system.services());
        started = System.nanoTime();
        FileDigest readBack;
        try (StandaloneStorage storage = system.storage(); InputStream plaintext = storage.store().open(new ObjectName(permitId, storageKey))) {
            readBack = FileDigest.of(plaintext);
        }
        double outSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> peakOut = heap.stop();

        double mib = SIZE / (1024.0 * 1024);
        report.table("direction", "MiB", "seconds", "MiB/s", "SHA-256 as declared");
        report.row("in: through the gateway into encrypted storage", String.format("%.0f", mib), String.format("%.1f", inSeconds),
                String.format("%.0f", mib / inSeconds), stored.body().contains(sha256));
        report.row("out: read back and decrypted (storage module)", String.format("%.0f", mib), String.format("%.1f", outSeconds),
                String.format("%.0f", mib / outSeconds), readBack.sha256().equals(sha256) && readBack.sizeBytes() == SIZE);
        report.table("service", "peak heap used during the upload (MiB)", "during the read-back (MiB)", "-Xmx (MiB)");
        for (String service : peakIn.keySet()) {
            report.row(service, peakIn.get(service), peakOut.get(service), 128);
        }
        long peak = peakIn.values().stream().mapToLong(Long::longValue).max().orElse(0);
        report.verdict("peak heap of a service while 2 GB stream through it", peak + " MiB", "≤ 128 MiB (-Xmx)", peak <= 128);
        report.verdict("stream in through the gateway", String.format("%.0f MiB/s", mib / inSeconds), "", true);
        report.verdict("read back and decrypt", String.format("%.0f MiB/s", mib / outSeconds), "", true);
        try (StandaloneStorage storage = system.storage()) {
            storage.store().shred(permitId);
        }
    }

    private static String storageKey(E2eSystem system, String releaseId) throws Exception {
        // The API shows no storage keys; the DataReleased event does, and so does permit-service's database.
        try (var connection = system.database(E2eSystem.PERMIT); var statement = connection.prepareStatement(
                "SELECT storage_key FROM permit_release_file WHERE release_id = ?")) {
            statement.setString(1, releaseId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Reproducible pseudo-random bytes of a given length, generated as they are read. */
    static final class Generated extends InputStream {

        private final SplittableRandom random = new SplittableRandom(2026);
        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i += 8) {
                long value = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    b[off + i + j] = (byte) (value >>> (8 * j));
                }
            }
            position += n;
            return n;
        }
    }

    /** The largest heap use seen in each service's metrics, sampled in the background until stopped. */
    private static final class HeapSampler {

        private final Map<String, Long> peakMib = new LinkedHashMap<>();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        HeapSampler(List<ServiceProcess> services) {
            services.forEach(service -> peakMib.put(service.service(), 0L));
            sampler.scheduleAtFixedRate(() -> services.forEach(service -> {
                try {
                    String metrics = given().baseUri(service.url()).get("/q/metrics").then().extract().asString();
                    long used = (long) metrics.lines()
                            .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                            .sum();
                    peakMib.merge(service.service(), used / (1024 * 1024), Math::max);
                } catch (RuntimeException e) {
                    // A sample the busy service did not answer in time: the next one will.
                }
            }), 0, 200, TimeUnit.MILLISECONDS);
        }

        Map<String, Long> stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            return peakMib;
        }
    }
}
