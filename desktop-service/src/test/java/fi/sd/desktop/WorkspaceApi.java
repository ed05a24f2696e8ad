package fi.sd.desktop;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitGranted;
import fi.sd.testsupport.TestTokens;

/** Reads workspaces through the API as an auditor, who sees them all. */
public final class WorkspaceApi {

    public static final String AUDITOR = TestTokens.user("auditor.anna", "auditor").bearer();
    public static final PersonRef AINO_VIRTANEN = new PersonRef("aino.virtanen", "Aino Virtanen", "aino.virtanen@helsinki.fi");
    public static final PersonRef MIKKO_KORHONEN = new PersonRef("mikko.korhonen", "Mikko Korhonen", "mikko.korhonen@helsinki.fi");

    private WorkspaceApi() {
    }

    /** Waits until the permit's one workspace has {@code status}; returns its id. */
    public static String awaitStatus(String permitId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> all = given().header("Authorization", AUDITOR).when().get("/api/v1/workspaces")
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.permitId == '" + permitId + "' }");
            return all.size() == 1 && status.equals(all.get(0).get("status")) ? (String) all.get(0).get("id") : null;
        }, Objects::nonNull);
    }

    public static void assertStatus(String workspaceId, String status) {
        given().header("Authorization", AUDITOR).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("status", is(status));
    }

    /** A Findata permit for Aino Virtanen and Mikko Korhonen, valid for a year. */
    public static PermitGranted granted(String permitId, String projectId) {
        return TestPermit.findata().id(permitId).project(projectId).persons(AINO_VIRTANEN, MIKKO_KORHONEN).granted();
    }
}
