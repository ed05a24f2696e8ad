package fi.sd.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.Releases;

/**
 * Starts flows (a Findata permit granted, then one of its datasets released: declared, its file uploaded) through the gateway at a
 * fixed rate, as asynchronous HTTP calls, and counts what the gateway acknowledged.
 */
final class FlowDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VISITS = Releases.visits().get("visits.csv");
    private static final String RELEASE = "{\"datasetId\":\"thl-avohilmo\",\"files\":[{\"name\":\"visits.csv\",\"sizeBytes\":"
            + VISITS.length + ",\"sha256\":\"" + Releases.sha256(VISITS) + "\"}]}";
    /**
     * Flows in flight beyond this are not started (and counted as such): offered beyond its capacity, the system
     * would otherwise queue thousands of requests until they time out, and measure its collapse, not its rate.
     */
    private static final int MAX_IN_FLIGHT = 256;

    private final E2eSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlowDriver(E2eSystem system) {
        this.system = system;
    }

    /** What one run of the driver achieved. */
    record Run(int offered, int skipped, int released, int failed, double seconds, List<String> permitIds) {
        double releasedPerSecond() {
            return released / seconds;
        }
    }

    /** Offers {@code rate} flows per second for {@code duration}; returns once every started flow has answered. */
    Run run(String projectPrefix, int rate, Duration duration) throws Exception {
        AtomicInteger offered = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String> permits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> flows = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long ticks = duration.toMillis() / 10;
        AtomicInteger tick = new AtomicInteger();
        CountDownLatch offeredAll = new CountDownLatch(1);
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int t = tick.getAndIncrement();
            if (t >= ticks) {
                offeredAll.countDown();
                return;
            }
            // Spread the rate evenly over the 100 ticks of each second.
            int due = (int) ((long) (t + 1) * rate / 100 - (long) t * rate / 100);
            for (int i = 0; i < due; i++) {
                int n = offered.getAndIncrement();
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    skipped.incrementAndGet();
                    continue;
                }
                inFlight.incrementAndGet();
                flows.add(flow(projectPrefix + "-" + n, permits).handle((ok, error) -> {
                    inFlight.decrementAndGet();
                    (error == null ? released : failed).incrementAndGet();
                    return null;
                }));
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        offeredAll.await();
        ticker.shutdownNow();
        CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(offered.get(), skipped.get(), released.get(), failed.get(), seconds, List.copyOf(permits));
    }

    /** A permit granted, its release declared and its file uploaded (which releases it). */
    private CompletableFuture<Void> flow(String projectId, ConcurrentLinkedQueue<String> permits) {
        return grant(projectId).thenCompose(permitId -> {
            permits.add(permitId);
            return post("/api/v1/permits/" + permitId + "/releases", RELEASE).thenCompose(release -> send(
                    "/api/v1/permits/" + permitId + "/releases/" + idOf(release) + "/files/visits.csv", "application/octet-stream",
                    HttpRequest.BodyPublishers.ofByteArray(VISITS)));
        }).thenAccept(body -> { });
    }

    /** Records a Findata permit through the gateway, as the permit authority, with one token and kept-alive connections. */
    CompletableFuture<String> grant(String projectId) {
        String permit;
        try {
            permit = JSON.writeValueAsString(Api.findataPermit(projectId, system.today(), system.today().plusYears(1)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return post("/api/v1/permits", permit).thenApply(FlowDriver::idOf);
    }

    private static String idOf(String created) {
        try {
            return (String) JSON.readValue(created, Map.class).get("id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", system.tokens().user(Api.FINDATA_OFFICER, "permit-authority").bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(path, request);
    }

    private CompletableFuture<String> send(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", system.tokens().user(Api.FINDATA_OFFICER, "permit-authority").bearer())
                .header("Content-Type", contentType)
                .PUT(body).build();
        return answer(path, request);
    }

    private CompletableFuture<String> answer(String path, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        });
    }
}
