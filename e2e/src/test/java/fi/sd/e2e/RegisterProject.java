package fi.sd.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One project on the register route, driven step by step through the gateway: its own controller
 * organisation, dataset, catalogue item and people, so that projects never share anything.
 */
public final class RegisterProject {

    public static final Duration ASYNC = Duration.ofSeconds(60);

    private final Api api;
    private final E2eSystem system;
    public final String projectId;
    public final String org;
    public final String datasetId;
    public final String controller;
    public final String applicant;
    public final String member;
    /** Named in the permit (so a workspace member) but never on the application: never entitled. */
    public final String bystander;
    public String catalogueItemId;
    public String permitId;
    public String applicationId;
    public String releaseId;

    public RegisterProject(Api api, E2eSystem system, String name) {
        this.api = api;
        this.system = system;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.projectId = name + "-" + suffix;
        this.org = "REG-" + suffix;
        this.datasetId = "register-" + suffix;
        this.controller = "controller-" + suffix;
        this.applicant = "applicant-" + suffix;
        this.member = "member-" + suffix;
        this.bystander = "bystander-" + suffix;
    }

    /** Catalogue item, permit, application approved for applicant and member, one release: everything a project has. */
    public RegisterProject approvedAndReleased() {
        offerInCatalogue();
        recordPermit();
        apply();
        inviteMemberAndAcceptTerms();
        submit();
        approve();
        release();
        return this;
    }

    public RequestSpecification asController() {
        return api.asController(controller, org);
    }

    public RequestSpecification asResearcher(String userId) {
        return api.as(userId, "researcher");
    }

    public void offerInCatalogue() {
        Map<String, Object> item = Map.of(
                "datasetId", datasetId,
                "title", "Care register extract " + datasetId,
                "description", "Hospital discharges, pseudonymised.",
                "organisation", org,
                "terms", List.of(Map.of("id", "no-reidentification", "title", "No re-identification",
                        "text", "You will not try to identify any person.")));
        catalogueItemId = asController().body(item).post("/catalogue").then().statusCode(201).extract().path("id");
    }

    public void recordPermit() {
        Map<String, Object> permit = new HashMap<>(Api.findataPermit(projectId, system.today(), system.today().plusYears(1)));
        permit.put("route", "REGISTER");
        permit.put("datasets", List.of(Map.of("id", datasetId, "controller", org, "title", "Care register extract")));
        permit.put("persons", List.of(person(applicant), person(member), person(bystander)));
        permitId = asController().body(permit).post("/permits").then().statusCode(201).extract().path("id");
    }

    /** The applicant's draft; apply-service learns the permit from its event, so the draft is refused (422) until then. */
    public Response apply() {
        AtomicReference<Response> created = new AtomicReference<>();
        await("apply-service knows permit " + permitId).atMost(ASYNC).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response answer = asResearcher(applicant).body(Map.of("permitId", permitId, "datasetIds", List.of(datasetId)))
                    .post("/applications");
            created.set(answer);
            return answer.statusCode() != 422;
        });
        applicationId = created.get().then().statusCode(201).extract().path("id");
        return created.get();
    }

    public void inviteMemberAndAcceptTerms() {
        command(asResearcher(applicant), "invite-member", Map.of("userId", member)).then().statusCode(200);
        command(asResearcher(member), "accept-invitation", Map.of()).then().statusCode(200);
        command(asResearcher(applicant), "accept-terms", Map.of()).then().statusCode(200);
        command(asResearcher(member), "accept-terms", Map.of()).then().statusCode(200);
    }

    public Response submit() {
        return command(asResearcher(applicant), "submit", Map.of()).then().statusCode(200).extract().response();
    }

    public Response approve() {
        return command(asController(), "approve", Map.of("comment", "Meets the permit's purpose.")).then().statusCode(200).extract().response();
    }

    /**
     * The controller's release, declared and its file uploaded; permit-service waits for the
     * approval's event, so the declaration is refused (409) until then.
     */
    public void release() {
        Map<String, byte[]> files = Releases.files("discharges.csv", "id,ward,days\n1,cardiology,4\n2,surgery,2\n");
        AtomicReference<Response> created = new AtomicReference<>();
        await("permit-service knows the approval of " + applicationId).atMost(ASYNC).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response answer = Releases.declare(asController(), permitId, datasetId, files);
            created.set(answer);
            return answer.statusCode() != 409;
        });
        releaseId = created.get().then().statusCode(201).extract().path("id");
        Releases.uploadAll(this::asController, permitId, releaseId, files);
    }

    public Response command(RequestSpecification caller, String command, Map<String, ?> body) {
        return caller.body(body).post("/applications/{id}/{command}", applicationId, command);
    }

    /** The dataset ids mounted in the project's workspace as {@code userId} sees it; empty while there is no workspace. */
    public List<String> mountedDatasets(String userId) {
        List<List<String>> datasets = asResearcher(userId).queryParam("projectId", projectId).get("/workspaces")
                .then().statusCode(200).extract().path("datasets.datasetId");
        return datasets.isEmpty() ? List.of() : datasets.get(0);
    }

    private static Map<String, String> person(String userId) {
        return Map.of("userId", userId, "name", "Person " + userId, "email", userId + "@example.org");
    }
}
