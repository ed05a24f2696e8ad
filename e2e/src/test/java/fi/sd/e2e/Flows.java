package fi.sd.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    public static Map<String, Object> export(String riskLevel) {
        return Map.of("files", List.of(Map.of("path", "results/table1.csv", "sizeBytes", 2048, "sha256", "b".repeat(64))),
                "riskLevel", riskLevel, "riskAssessment", "Aggregated counts, every cell n >= 5.",
                "findataNotificationRef", "FD-2026-0042");
    }
}
