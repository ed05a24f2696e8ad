package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Steps that several scenarios share, each through the gateway and waiting where the system works asynchronously. */
public final class Flows {

    private static final Duration ASYNC = Duration.ofSeconds(60);

    private Flows() {
    }

    /** Waits until the project's workspace has {@code status}, as the service desk sees it; returns its id. */
    public static String awaitWorkspace(Api api, String projectId, String status) {
        return await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> found = api.as("service.desk", "service-desk").queryParam("projectId", projectId)
                    .get("/workspaces").then().statusCode(200).extract().jsonPath().getList("$");
            return found.size() == 1 && status.equals(found.get(0).get("status")) ? (String) found.get(0).get("id") : null;
        }, Objects::nonNull);
    }

    public static void awaitWorkspaceStatus(Api api, String workspaceId, String status) {
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> api.as("service.desk", "service-desk")
                .get("/workspaces/{id}", workspaceId).then().statusCode(200).body("status", is(status)));
    }

    /** A small desktop started by the Findata permit's researcher, once it runs; returns its id. */
    public static String runningDesktop(Api api, String workspaceId) {
        return runningDesktop(api, workspaceId, Api.RESEARCHER);
    }

    /** A small desktop started by a member of the workspace, once it runs; returns its id. */
    public static String runningDesktop(Api api, String workspaceId, String member) {
        String desktopId = api.as(member, "researcher")
                .body(Map.of("name", "analysis", "flavour", "small", "image", "ubuntu-22.04", "volumeGb", 50))
                .post("/workspaces/{id}/desktops", workspaceId).then().statusCode(202).body("status", is("CREATING"))
                .extract().path("id");
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> api.as(member, "researcher")
                .get("/desktops/{id}", desktopId).then().statusCode(200).body("status", is("RUNNING")));
        return desktopId;
    }

    /**
     * Requests an export as {@code requester} (a request as a member of the workspace): 202 {@code COPYING} at its
     * Location, then, once desktop-service has copied the files, {@code SUBMITTED}; returns the export as it stands then.
     */
    public static ValidatableResponse requestExport(Supplier<RequestSpecification> requester, String workspaceId, Map<String, Object> body) {
        ExtractableResponse<Response> accepted = requester.get().body(body).post("/workspaces/{id}/exports", workspaceId).then()
                .statusCode(202).body("status", is("COPYING")).extract();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/exports/" + id);
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> requester.get().get("/exports/{id}", id).then()
                .statusCode(200).extract().<String>path("status"), status -> !status.equals("COPYING"));
        return requester.get().get("/exports/{id}", id).then().statusCode(200).body("status", is("SUBMITTED"));
    }

    public static Map<String, Object> export(E2eSystem system, String workspaceId, String riskLevel) {
        saveInExport(system, workspaceId, "results/table1.csv", "municipality,count\nHelsinki,117\nEspoo,41\n");
        return Map.of("files", List.of(Map.of("path", "results/table1.csv")),
                "riskLevel", riskLevel, "riskAssessment", "Aggregated counts, every cell n >= 5.",
                "findataNotificationRef", "FD-2026-0042");
    }

    /**
     * A result file left in the workspace's {@code /export} folder, written on the host (where the local provider keeps
     * it) for flows that need no desktop running; {@code DataPathIT} writes one from inside a desktop.
     */
    public static void saveInExport(E2eSystem system, String workspaceId, String path, String content) {
        Path file = system.desktopStateDirectory().resolve("workspaces").resolve(workspaceId).resolve("export").resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
