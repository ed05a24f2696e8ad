package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 4: two projects side by side. A person of project A asks for each of project B's
 * resources by id (404: B's things do not exist for them) and lists everything (nothing of B);
 * a researcher issues every command reserved to handlers, the permit authority or the service
 * desk, and reads the audit log (403). Each table is one row per endpoint of API.md: a new
 * endpoint is one more row.
 */
class IsolationIT extends SystemTest {

    /** Every GET of one resource by id; {@code {name}} is filled from the project's ids. */
    private static final List<String> READS_BY_ID = List.of(
            "/permits/{permitId}",
            "/permits/{permitId}/versions",
            "/permits/{permitId}/versions/1",
            "/permits/{permitId}/releases",
            "/permits/{permitId}/releases/{releaseId}",
            "/applications/{applicationId}",
            "/workspaces/{workspaceId}",
            "/workspaces/{workspaceId}/desktops",
            "/desktops/{desktopId}",
            "/sessions/{sessionId}",
            "/workspaces/{workspaceId}/imports",
            "/imports/{importId}",
            "/workspaces/{workspaceId}/exports",
            "/exports/{exportId}");

    /** Every list, and the field of its items that must never name project B's id of that kind. */
    private static final List<Listing> LISTINGS = List.of(
            new Listing("/permits", "id", "permitId"),
            new Listing("/permits?projectId={projectId}", "id", "permitId"),
            new Listing("/applications", "id", "applicationId"),
            new Listing("/applications?projectId={projectId}", "id", "applicationId"),
            new Listing("/applications?permitId={permitId}", "id", "applicationId"),
            new Listing("/entitlements", "permitId", "permitId"),
            new Listing("/entitlements?permitId={permitId}", "permitId", "permitId"),
            new Listing("/entitlements?datasetId={datasetId}", "permitId", "permitId"),
            new Listing("/workspaces", "id", "workspaceId"),
            new Listing("/workspaces?projectId={projectId}", "id", "workspaceId"));

    /** The result file each project's export names ({@link Flows#export}). */
    private static final String EXPORTED_FILE = "results/table1.csv";

    /** Commands no researcher may issue, on their own project's resources, where visibility is not the reason. */
    private static final List<Command> RESERVED_COMMANDS = List.of(
            new Command(Method.POST, "/permits", ids -> Api.findataPermit(ids.get("projectId"), system.today(), system.today().plusYears(1))),
            new Command(Method.POST, "/permits", ids -> registerPermit(ids)),
            new Command(Method.POST, "/permits/{permitId}/amendments", ids -> amendment()),
            new Command(Method.POST, "/permits/{permitId}/revocation", ids -> Map.of("reason", "Not theirs to revoke")),
            new Command(Method.POST, "/permits/{permitId}/releases", ids -> release(ids.get("datasetId"))),
            new Command(Method.POST, "/permits/{findataPermitId}/amendments", ids -> amendment()),
            new Command(Method.POST, "/permits/{findataPermitId}/revocation", ids -> Map.of("reason", "Not theirs to revoke")),
            new Command(Method.POST, "/permits/{findataPermitId}/releases", ids -> release("thl-avohilmo")),
            new Command(Method.POST, "/catalogue", ids -> catalogueItem(ids.get("datasetId") + "-more", ids.get("org"))),
            new Command(Method.PUT, "/catalogue/{catalogueItemId}", ids -> catalogueItem(ids.get("datasetId"), ids.get("org"))),
            new Command(Method.POST, "/applications/{applicationId}/return", ids -> Map.of("comment", "Handler only")),
            new Command(Method.POST, "/applications/{applicationId}/approve", ids -> Map.of("comment", "Handler only")),
            new Command(Method.POST, "/applications/{applicationId}/reject", ids -> Map.of("comment", "Handler only")),
            new Command(Method.POST, "/applications/{applicationId}/revoke", ids -> Map.of("comment", "Handler only")),
            new Command(Method.POST, "/applications/{applicationId}/request-review", ids -> Map.of("userIds", List.of(ids.get("member")))),
            new Command(Method.POST, "/applications/{applicationId}/remark", ids -> Map.of("comment", "Handler only", "public", true)),
            new Command(Method.POST, "/applications/{applicationId}/review", ids -> Map.of("comment", "Reviewer only")),
            new Command(Method.DELETE, "/entitlements/blocklist/{datasetId}/{member}", ids -> null),
            new Command(Method.POST, "/imports/{importId}/approve", ids -> Map.of("comment", "Service desk only")),
            new Command(Method.POST, "/imports/{importId}/reject", ids -> Map.of("comment", "Service desk only")),
            new Command(Method.POST, "/imports/{importId}/complete", ids -> Map.of("comment", "Service desk only")),
            new Command(Method.POST, "/exports/{exportId}/approve", ids -> Map.of("comment", "Reviewers only")),
            new Command(Method.POST, "/exports/{exportId}/reject", ids -> Map.of("comment", "Reviewers only")),
            new Command(Method.GET, "/exports/{exportId}/files/" + EXPORTED_FILE, ids -> null),
            new Command(Method.GET, "/exports", ids -> null),
            new Command(Method.GET, "/imports", ids -> null),
            new Command(Method.GET, "/audit", ids -> null),
            new Command(Method.GET, "/audit/verify", ids -> null));

    private static final String RESEARCHER_OF_A = "researcher of A";
    private static final String CONTROLLER_OF_A = "controller of A";

    private static RegisterProject projectA;
    private static RegisterProject projectB;
    private static Map<String, String> idsA;
    private static Map<String, String> idsB;

    @BeforeAll
    static void twoProjects() {
        projectA = new RegisterProject(api, system, "isolation-a").approvedAndReleased();
        projectB = new RegisterProject(api, system, "isolation-b").approvedAndReleased();
        idsA = ids(projectA);
        idsB = ids(projectB);
    }

    static Stream<Arguments> readsByIdAndCallers() {
        return withEachCallerOfA(READS_BY_ID);
    }

    @ParameterizedTest(name = "{1}: GET {0} of project B is 404")
    @MethodSource("readsByIdAndCallers")
    void aPersonOfProjectASeesNoneOfProjectBsResources(String template, String caller) {
        if (RESEARCHER_OF_A.equals(caller)) {
            // The same path with A's own ids answers: the 404 below is isolation, not a broken route.
            callerOfA(caller).get(fill(template, idsA)).then().statusCode(200);
        }
        assertProblem(callerOfA(caller).get(fill(template, idsB)), 404);
    }

    @ParameterizedTest(name = "{0}: project B's exported file and its download links are 404")
    @ValueSource(strings = { RESEARCHER_OF_A, CONTROLLER_OF_A })
    void aPersonOfProjectAReachesNoneOfProjectBsExportedBytes(String caller) {
        assertProblem(callerOfA(caller).get(fill("/exports/{exportId}/files/" + EXPORTED_FILE, idsB)), 404);
        assertProblem(callerOfA(caller).body(Map.of()).post(fill("/exports/{exportId}/download-links", idsB)), 404);
    }

    static Stream<Arguments> listingsAndCallers() {
        return withEachCallerOfA(LISTINGS);
    }

    @ParameterizedTest(name = "{1}: GET {0} shows nothing of project B")
    @MethodSource("listingsAndCallers")
    void aPersonOfProjectAListsNothingOfProjectB(Listing listing, String caller) {
        if (RESEARCHER_OF_A.equals(caller)) {
            // The same list with A's ids shows A's own: an empty answer below is isolation, not a broken list.
            List<String> own = callerOfA(caller).get(fill(listing.template(), idsA)).then().statusCode(200).extract().path(listing.field());
            assertThat(own).contains(idsA.get(listing.idOfB()));
        }
        List<String> seen = callerOfA(caller).get(fill(listing.template(), idsB)).then().statusCode(200).extract().path(listing.field());
        assertThat(seen).doesNotContain(idsB.get(listing.idOfB()));
    }

    @ParameterizedTest(name = "{0}: the project overview of B shows nothing")
    @MethodSource("callersOfA")
    void theProjectOverviewOfBShowsAPersonOfANothing(String caller) {
        callerOfA(RESEARCHER_OF_A).get("/projects/{id}/overview", projectA.projectId).then().statusCode(200)
                .body("permits.items", hasSize(1)).body("applications.items", hasSize(1)).body("workspaces.items", hasSize(1));
        callerOfA(caller).get("/projects/{id}/overview", projectB.projectId).then().statusCode(200)
                .body("permits.available", equalTo(true)).body("permits.items", hasSize(0))
                .body("applications.available", equalTo(true)).body("applications.items", hasSize(0))
                .body("workspaces.available", equalTo(true)).body("workspaces.items", hasSize(0));
    }

    static Stream<String> callersOfA() {
        return Stream.of(RESEARCHER_OF_A, CONTROLLER_OF_A);
    }

    private static Stream<Arguments> withEachCallerOfA(List<?> rows) {
        return rows.stream().flatMap(row -> callersOfA().map(caller -> Arguments.of(row, caller)));
    }

    @ParameterizedTest(name = "{0}: the GA4GH visas of B's applicant are not theirs to read")
    @MethodSource("callersOfA")
    void aPersonOfProjectACannotReadTheVisasOfProjectBsMembers(String caller) {
        projectB.asResearcher(projectB.applicant).get("/permissions/{userId}", projectB.applicant).then().statusCode(200);
        // A user's passport is theirs, not a project's: another user is told it is forbidden, as API.md's role rule says.
        assertProblem(callerOfA(caller).get("/permissions/{userId}", projectB.applicant), 403);
    }

    @ParameterizedTest(name = "a researcher: {0} is 403")
    @MethodSource("reservedCommands")
    void aResearcherCannotIssueHandlerAuthorityOrServiceDeskCommands(Command command) {
        RequestSpecification request = projectA.asResearcher(projectA.applicant);
        Object body = command.body().apply(idsA);
        if (body != null) {
            request.body(body);
        }
        assertProblem(request.request(command.method(), fill(command.template(), idsA)), 403);
    }

    static Stream<Command> reservedCommands() {
        return RESERVED_COMMANDS.stream();
    }

    private static RequestSpecification callerOfA(String caller) {
        return RESEARCHER_OF_A.equals(caller) ? projectA.asResearcher(projectA.applicant) : projectA.asController();
    }

    private static void assertProblem(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()));
    }

    private static Map<String, String> ids(RegisterProject project) {
        Map<String, String> ids = new HashMap<>();
        ids.put("projectId", project.projectId);
        ids.put("org", project.org);
        ids.put("datasetId", project.datasetId);
        ids.put("member", project.member);
        ids.put("catalogueItemId", project.catalogueItemId);
        ids.put("permitId", project.permitId);
        ids.put("applicationId", project.applicationId);
        ids.put("releaseId", project.releaseId);
        ids.put("workspaceId", await("the workspace of " + project.projectId).atMost(RegisterProject.ASYNC).until(
                () -> project.asResearcher(project.applicant).queryParam("projectId", project.projectId).get("/workspaces")
                        .then().statusCode(200).extract().<List<String>>path("id"), found -> !found.isEmpty()).get(0));
        // What happens inside the workspace: a desktop with the applicant's session, an import and an export.
        ids.put("desktopId", Flows.runningDesktop(api, ids.get("workspaceId"), project.applicant));
        ids.put("sessionId", api.withMfa(project.applicant, "researcher").post("/desktops/{id}/sessions", ids.get("desktopId"))
                .then().statusCode(201).extract().path("sessionId"));
        ids.put("importId", project.asResearcher(project.applicant).body(Map.of("kind", "SOFTWARE", "description", "R 4.4 packages"))
                .post("/workspaces/{id}/imports", ids.get("workspaceId")).then().statusCode(201).extract().path("id"));
        ids.put("exportId", Flows.requestExport(() -> project.asResearcher(project.applicant), ids.get("workspaceId"),
                Flows.export(system, ids.get("workspaceId"), "LOW")).extract().path("id"));
        // A Findata permit naming the applicant too: the permit authority's commands on it are not theirs either.
        Map<String, Object> findata = new HashMap<>(Api.findataPermit(project.projectId + "-findata", system.today(),
                system.today().plusYears(1)));
        findata.put("persons", List.of(Map.of("userId", project.applicant, "name", "Applicant", "email", "applicant@example.org")));
        ids.put("findataPermitId", api.asFindata().body(findata).post("/permits").then().statusCode(201).extract().path("id"));
        return ids;
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    private static Map<String, Object> registerPermit(Map<String, String> ids) {
        Map<String, Object> permit = new HashMap<>(Api.findataPermit(ids.get("projectId"), system.today(), system.today().plusYears(1)));
        permit.put("route", "REGISTER");
        permit.put("datasets", List.of(Map.of("id", ids.get("datasetId"), "controller", ids.get("org"), "title", "Care register")));
        return permit;
    }

    private static Map<String, Object> amendment() {
        return Map.of("validUntil", system.today().plusYears(2).toString(), "reason", "Extension");
    }

    private static Map<String, Object> release(String datasetId) {
        return Map.of("datasetId", datasetId, "files", List.of(Map.of("name", "more.csv", "sizeBytes", 1, "sha256", "cd".repeat(32))));
    }

    private static Map<String, Object> catalogueItem(String datasetId, String org) {
        return Map.of("datasetId", datasetId, "title", "Taken over", "description", "", "organisation", org);
    }

    /** A list endpoint and the id field of its items; {@code idOfB} names the id of B that must not appear. */
    record Listing(String template, String field, String idOfB) {
        @Override
        public String toString() {
            return template;
        }
    }

    /** A command and its body built from the project's ids ({@code null}: no body). */
    record Command(Method method, String template, Function<Map<String, String>, Object> body) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
