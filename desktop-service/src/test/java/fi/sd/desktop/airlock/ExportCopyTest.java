package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopEvents;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.SimulatedDesktopProvider;
import fi.sd.desktop.service.LeasedJobs;
import fi.sd.events.EventType;
import fi.sd.events.desktop.ExportRequested;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An export's copy is a job of its own: the request answers 202 {@code COPYING} at once, the copy runs after it on a
 * leased runner, and ends in review ({@code SUBMITTED}), in {@code COPY_FAILED} with its reason, or stops when the
 * requester cancels; a copy whose runner died is taken up again from scratch once its lease runs out. The runner's
 * reads from {@code /export} go through {@link #copyReads}, which the tests hold up or fail; the request's own look
 * at the files (their sizes) goes to the simulated cloud directly.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ExportCopyTest {

    private static final EventType REQUESTED = EventType.ofPayloadType(ExportRequested.class);
    private static final String CSV = "Results/table.csv";

    /** What the runner's {@code openExportedFile} does instead of the simulated cloud's; null: the cloud's. */
    interface CopyReads {
        ExportedContent open(String workspaceId, String path);
    }

    @Inject
    SimulatedDesktopProvider cloud;

    @Inject
    EncryptedObjectStore store;

    @Inject
    EntityManager em;

    @Inject
    LeasedJobs jobs;

    private volatile CopyReads copyReads;

    @BeforeEach
    void aCloudWhoseExportReadsTheTestsControl() {
        DesktopProvider provider = (DesktopProvider) Proxy.newProxyInstance(DesktopProvider.class.getClassLoader(),
                new Class<?>[] { DesktopProvider.class }, (proxy, method, args) -> {
                    CopyReads reads = copyReads;
                    if (method.getName().equals("openExportedFile") && reads != null) {
                        return reads.open((String) args[0], (String) args[1]);
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        QuarkusMock.installMockForType(new DesktopProviders(null) {
            @Override
            public DesktopProvider active() {
                return provider;
            }
        }, DesktopProviders.class);
    }

    @AfterEach
    void theCloudReadsAgain() {
        copyReads = null;
    }

    @Test
    void theRequestAnswersAtOnceAndTheCopyPutsTheExportUpForReview() {
        Airlock.Opened workspace = Airlock.open();
        HeldCopy held = requestWithTheFirstReadHeld(workspace);
        String id = held.id();
        byte[] content = Airlock.result(CSV);
        get(AINO, "/api/v1/exports/" + id).statusCode(200).body("status", is("COPYING"))
                .body("files[0].sizeBytes", is(content.length)).body("files[0].sha256", nullValue());
        decide(DESK, "exports", id, "approve").statusCode(409);
        decide(DESK, "exports", id, "reject", "Nothing to see yet").statusCode(409);
        get(DESK, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(409);
        get(DESK, "/api/v1/exports?status=COPYING").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        DesktopEvents.assertNone(REQUESTED, "exportId", id);

        held.go().countDown();
        Airlock.awaitCopied(id);
        get(DESK, "/api/v1/exports/" + id).statusCode(200).body("files[0].sha256", is(Airlock.sha256(content)))
                .body("copyError", nullValue());
        DesktopEvents.awaitOnly(REQUESTED, "exportId", id, workspace.permitId(), workspace.workspaceId());
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.copying", "export.requested");
        assertThat(store.list(workspace.permitId())).hasSize(1);
        decide(DESK, "exports", id, "approve").statusCode(200).body("status", is("APPROVED"));
    }

    @Test
    void aFileThatVanishesBeforeItIsCopiedFailsTheExportWithItsReason() {
        Airlock.Opened workspace = Airlock.open();
        Airlock.saveInExport(workspace, CSV, Airlock.result(CSV));
        Airlock.saveInExport(workspace, "Results/gone.csv", Airlock.result("Results/gone.csv"));
        copyReads = (workspaceId, path) -> {
            if (path.equals("Results/gone.csv")) {
                cloud.removeExportedFile(workspaceId, path);
            }
            return cloud.openExportedFile(workspaceId, path);
        };
        String id = Airlock.requestExport(workspace, Map.of("files", List.of(Map.of("path", CSV), Map.of("path", "Results/gone.csv")),
                "riskLevel", "LOW", "findataNotificationRef", "FD-1"));
        assertThat(Airlock.awaitCopyEnd(id)).isEqualTo("COPY_FAILED");
        get(AINO, "/api/v1/exports/" + id).statusCode(200).body("copyError", containsString("/export/Results/gone.csv does not exist"));
        decide(AINO, "exports", id, "cancel").statusCode(409);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId()))
                .as("the first file's copy is deleted").isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Airlock.auditActions(workspace))
                .containsSubsequence("export.copying", "export.copy.failed", "export.files.deleted"));
        DesktopEvents.assertNone(REQUESTED, "exportId", id);
    }

    @Test
    void aProviderThatCannotBeReachedIsTriedAgainAndThenTheExportFails() {
        Airlock.Opened workspace = Airlock.open();
        Airlock.saveInExport(workspace, CSV, Airlock.result(CSV));
        AtomicInteger reads = new AtomicInteger();
        copyReads = (workspaceId, path) -> {
            reads.incrementAndGet();
            throw new UncheckedIOException(new java.io.IOException("the desktop host does not answer"));
        };
        String id = Airlock.requestExport(workspace, Airlock.lowRiskExport(CSV));
        // The back-off between attempts (2 s, 4 s, ...) is cut short here: each retry is made due at once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("update AirlockExport e set e.copyNotBefore = ?1"
                    + " where e.id = ?2 and e.status = fi.sd.desktop.domain.ExportStatus.COPYING and e.copyNotBefore > ?1")
                    .setParameter(1, Instant.now()).setParameter(2, id).executeUpdate());
            jobs.copyExports();
            return !status(id).equals("COPYING");
        });
        assertThat(status(id)).isEqualTo("COPY_FAILED");
        assertThat(reads.get()).isEqualTo(5);
        get(AINO, "/api/v1/exports/" + id).statusCode(200)
                .body("copyError", is("gave up after 5 attempts: java.io.IOException: the desktop host does not answer"));
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.copying", "export.copy.failed");
    }

    @Test
    void theRequesterCancelsDuringTheCopyWhichStopsAndLeavesNothingStored() {
        Airlock.Opened workspace = Airlock.open();
        byte[] content = Airlock.result(CSV);
        Airlock.saveInExport(workspace, CSV, content);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        copyReads = (workspaceId, path) -> new ExportedContent(content.length, new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reading.countDown();
                waitFor(go);
                return super.read(b, off, len);
            }
        });
        String id = Airlock.requestExport(workspace, Airlock.lowRiskExport(CSV));
        waitFor(reading);
        decide(AINO, "exports", id, "cancel").statusCode(200).body("status", is("CANCELLED"));
        go.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Airlock.auditActions(workspace))
                .containsSubsequence("export.copying", "export.cancelled", "export.files.deleted"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId())).isEmpty());
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(Airlock.auditActions(workspace)).doesNotContain("export.requested");
        DesktopEvents.assertNone(REQUESTED, "exportId", id);
    }

    @Test
    void aCopyWhoseRunnerDiedIsTakenUpFromScratchOnceItsLeaseRunsOutAndStoredOnce() {
        // The first runner stops in its first read, as a process killed in the middle of its copy does.
        Airlock.Opened workspace = Airlock.open();
        HeldCopy firstRunner = requestWithTheFirstReadHeld(workspace);
        String id = firstRunner.id();
        // What the dead runner had written of its copy, under the object its attempt claimed.
        String firstObject = QuarkusTransaction.requiringNew().call(() -> em.find(AirlockExport.class, id).files.get(0).storageKey);
        store.put(ObjectName.of(workspace.permitId(), firstObject), new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3);
        // Its lease runs out: no renewal comes from a dead process.
        QuarkusTransaction.requiringNew().run(() -> em.find(AirlockExport.class, id).copyNotBefore = Instant.now().minusSeconds(1));

        Airlock.awaitCopied(id);
        AirlockExport copied = QuarkusTransaction.requiringNew().call(() -> {
            AirlockExport export = em.find(AirlockExport.class, id);
            export.files.size();
            return export;
        });
        assertThat(copied.copyAttempts).isEqualTo(2);
        assertThat(copied.files.get(0).storageKey).isNotEqualTo(firstObject);
        assertThat(copied.files.get(0).sha256).isEqualTo(Airlock.sha256(Airlock.result(CSV)));
        assertThat(store.list(workspace.permitId())).as("one copy").hasSize(1);

        // The first runner comes back to life: it finds the export no longer its own and deletes what it wrote.
        firstRunner.go().countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId())).hasSize(1)
                .allSatisfy(entry -> assertThat(entry.path()).endsWith(copied.files.get(0).storageKey)));
        assertThat(status(id)).isEqualTo("SUBMITTED");
        DesktopEvents.awaitOnly(REQUESTED, "exportId", id, workspace.permitId(), workspace.workspaceId());
    }

    /** An export whose runner is held in its first read of {@code /export} until {@code go} opens. */
    record HeldCopy(String id, CountDownLatch go) {
    }

    /**
     * Saves {@link #CSV} in {@code /export}, requests a low-risk export of it and returns once its runner is held in its
     * first read; later reads go on.
     */
    private HeldCopy requestWithTheFirstReadHeld(Airlock.Opened workspace) {
        Airlock.saveInExport(workspace, CSV, Airlock.result(CSV));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger opens = new AtomicInteger();
        copyReads = (workspaceId, path) -> {
            if (opens.incrementAndGet() == 1) {
                started.countDown();
                waitFor(go);
            }
            return cloud.openExportedFile(workspaceId, path);
        };
        String id = Airlock.requestExport(workspace, Airlock.lowRiskExport(CSV));
        waitFor(started);
        return new HeldCopy(id, go);
    }

    private static String status(String id) {
        return get(AINO, "/api/v1/exports/" + id).statusCode(200).extract().path("status");
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the latch opened").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
