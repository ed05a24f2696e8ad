package fi.sd.desktop.airlock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.desktop.provider.SimulatedDesktopProvider;
import fi.sd.events.permit.PermitGranted;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;

/** The people of the airlock tests and their calls to its API. */
final class Airlock {

    /** Members of every test workspace (see {@link WorkspaceApi#granted}). */
    static final String AINO = TestTokens.user("aino.virtanen", "researcher").bearer();
    static final String MIKKO = TestTokens.user("mikko.korhonen", "researcher").bearer();
    /** A member who also works at the service desk: still no reviewer of her own requests. */
    static final String AINO_AT_DESK = TestTokens.user("aino.virtanen", "researcher", "service-desk").bearer();
    static final String DESK = TestTokens.user("desk.dan", "service-desk").bearer();
    static final String DESK_TOO = TestTokens.user("desk.dora", "service-desk").bearer();
    static final String AUTHORITY = TestTokens.user("findata.paula", "permit-authority").bearer();
    static final String OUTSIDER = TestTokens.user("olli.ulkopuolinen", "researcher").bearer();
    static final String CONTROLLER = TestTokens.user("thl.tuula", "data-controller").org("THL").bearer();

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Airlock() {
    }

    /** A READY workspace of a new Findata permit in {@code projectId}. */
    static Opened open(String projectId) {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), projectId);
        TestEvents.publish(granted);
        return new Opened(WorkspaceApi.awaitStatus(granted.permitId(), "READY"), granted.permitId(), projectId);
    }

    static Opened open() {
        return open("proj-" + UUID.randomUUID());
    }

    record Opened(String workspaceId, String permitId, String projectId) {
    }

    static ValidatableResponse post(String token, String path, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    /** The result file a test's desktop user leaves at {@code path} in {@code /export}. */
    static byte[] result(String path) {
        return ("municipality,count\nHelsinki,117\n# " + path + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A LOW risk export of {@link #result}, with its size and SHA-256 given (the service checks them). */
    static Map<String, Object> lowRiskExport(String path) {
        return Map.of("files", List.of(Map.of("path", path, "sizeBytes", result(path).length, "sha256", sha256(result(path)))),
                "riskLevel", "LOW", "findataNotificationRef", "FD-2026-0042");
    }

    /** A HIGH risk export of {@link #result}, its SHA-256 given in upper case. */
    static Map<String, Object> highRiskExport(String path) {
        return Map.of("files", List.of(Map.of("path", path, "sizeBytes", result(path).length, "sha256",
                sha256(result(path)).toUpperCase())), "riskLevel", "HIGH",
                "riskAssessment", "Cells under 5 suppressed; small municipalities merged", "findataNotificationRef", "FD-2026-0043");
    }

    /** A desktop user of the workspace saves the file in its {@code /export} folder (the simulated cloud's). */
    static void saveInExport(Opened workspace, String path, byte[] content) {
        CDI.current().select(SimulatedDesktopProvider.class).get().saveExportedFile(workspace.workspaceId(), path, content);
    }

    /** Saves each file the export names as {@link #result} in {@code /export}, submits the export as Aino and returns its id. */
    @SuppressWarnings("unchecked")
    static String submitExport(Opened workspace, Map<String, Object> body) {
        for (Map<String, Object> file : (List<Map<String, Object>>) body.get("files")) {
            String path = (String) file.get("path");
            saveInExport(workspace, path, result(path));
        }
        return awaitCopied(requestExport(workspace, body));
    }

    /** Aino requests the export: 202, the export {@code COPYING}, at its Location; returns its id. */
    static String requestExport(Opened workspace, Map<String, Object> body) {
        ExtractableResponse<Response> accepted = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/exports", body)
                .statusCode(202).body("status", is("COPYING")).extract();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/exports/" + id);
        return id;
    }

    /** Waits until the export has left {@code COPYING}, and returns its id once it awaits review ({@code SUBMITTED}). */
    static String awaitCopied(String id) {
        assertThat(awaitCopyEnd(id)).isEqualTo("SUBMITTED");
        return id;
    }

    /** Waits until the export has left {@code COPYING}; returns where it stands then. */
    static String awaitCopyEnd(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get(AINO, "/api/v1/exports/" + id).statusCode(200)
                .extract().<String>path("status"), status -> !status.equals("COPYING"));
    }

    /** The workspace's audit actions, oldest first, as an auditor reads them. */
    static List<String> auditActions(Opened workspace) {
        List<String> actions = new ArrayList<>(get(WorkspaceApi.AUDITOR, "/api/v1/audit?size=200&workspaceId="
                + workspace.workspaceId()).statusCode(200).extract().<List<String>>path("action"));
        Collections.reverse(actions);
        return actions;
    }

    /** {@code POST /api/v1/{kind}/{id}/{command}} ({@code kind}: {@code imports} or {@code exports}) with a comment. */
    static ValidatableResponse decide(String token, String kind, String id, String command, String comment) {
        return post(token, "/api/v1/" + kind + "/" + id + "/" + command, Map.of("comment", comment));
    }

    /** The same without a comment. */
    static ValidatableResponse decide(String token, String kind, String id, String command) {
        return post(token, "/api/v1/" + kind + "/" + id + "/" + command, Map.of());
    }
}
