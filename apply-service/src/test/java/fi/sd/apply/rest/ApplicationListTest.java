package fi.sd.apply.rest;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.AUDITOR;
import static fi.sd.apply.ApplyApi.KELA;
import static fi.sd.apply.ApplyApi.MIKKO;
import static fi.sd.apply.ApplyApi.REVIEWER;
import static fi.sd.apply.ApplyApi.STRANGER;
import static fi.sd.apply.ApplyApi.THL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyFixtures;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /applications}: who sees which applications of one project, newest first, the total counted once
 * however many ways the caller is on an application, and the pages.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ApplicationListTest {

    private static String project;
    private static String draft;
    private static String first;
    private static String second;

    /**
     * Once for the class (the application, and so REST Assured's port, is only up once a test runs): a draft with
     * mikko invited, and two submitted applications, the second reviewed by rita and by Kela's controller.
     */
    @BeforeEach
    void threeApplicationsOfOneProject() {
        if (project != null) {
            return;
        }
        String datasetId = "thl-avohilmo-" + ApplyFixtures.unique();
        ApplyFixtures.offer(datasetId);
        String projectId = "proj-" + ApplyFixtures.unique();
        String permitId = ApplyFixtures.grantPermit(projectId, datasetId);
        draft = ApplyFixtures.draft(permitId, datasetId);
        ApplyApi.command(AINO, draft, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(200);
        first = submitted(permitId, datasetId);
        second = submitted(permitId, datasetId);
        ApplyApi.command(THL, second, "request-review", Map.of("userIds", List.of("rita.reviewer", "kela.controller")))
                .statusCode(200);
        ApplyApi.command(THL, first, "request-review", Map.of("userIds", List.of("thl.controller"))).statusCode(200);
        project = projectId;
    }

    private static String submitted(String permitId, String datasetId) {
        String id = ApplyFixtures.draft(permitId, datasetId);
        ApplyApi.command(AINO, id, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(200);
        ApplyApi.command(MIKKO, id, "accept-invitation").statusCode(200);
        ApplyFixtures.completeAndSubmit(id, datasetId);
        return id;
    }

    private static void sees(String token, String query, String... ids) {
        ApplyApi.get(token, "/api/v1/applications?projectId=" + project + query).statusCode(200)
                .header("X-Total-Count", String.valueOf(ids.length))
                .body("id", equalTo(List.of(ids)));
    }

    @Test
    void theApplicantAndAMemberSeeTheirOwnIncludingTheDraft() {
        sees(AINO, "", second, first, draft);
        sees(MIKKO, "", second, first, draft);
        sees(AINO, "&state=SUBMITTED", second, first);
    }

    @Test
    void theStateFilterMatchesWithoutRegardToCaseAsInEveryService() {
        sees(AINO, "&state=submitted", second, first);
        sees(AINO, "&state=Draft", draft);
        sees(AINO, "&state=approved");
    }

    @Test
    void theControllerSeesItsOrganisationsSubmittedOnesOnceEvenWhenAlsoAReviewer() {
        sees(THL, "", second, first);
        sees(THL, "&state=DRAFT");
    }

    @Test
    void reviewersSeeWhatTheyWereAskedToReview() {
        sees(REVIEWER, "", second);
        sees(KELA, "", second);
        sees(STRANGER, "");
    }

    @Test
    void anAuditorSeesEverything() {
        sees(AUDITOR, "", second, first, draft);
    }

    @Test
    void pagesSplitTheMergedListAndCountItWhole() {
        ApplyApi.get(AINO, "/api/v1/applications?projectId=" + project + "&size=2").statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"next\""))
                .body("id", equalTo(List.of(second, first)));
        ApplyApi.get(AINO, "/api/v1/applications?projectId=" + project + "&size=2&page=1").statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", equalTo(List.of(draft)));
        ApplyApi.get(THL, "/api/v1/applications?projectId=" + project + "&size=1&page=1").statusCode(200)
                .header("X-Total-Count", "2")
                .header("Link", containsString("rel=\"prev\""))
                .body("id", equalTo(List.of(first)));
        ApplyApi.get(THL, "/api/v1/applications?projectId=" + project + "&size=1&page=2").statusCode(200)
                .header("X-Total-Count", "2")
                .body("[0]", nullValue());
    }

    @Test
    void eachListedApplicationCarriesTheHistoryItsReaderMaySee() {
        ApplyApi.get(THL, "/api/v1/applications?projectId=" + project).statusCode(200)
                .body("[0].events.command", equalTo(List.of("create", "invite-member", "accept-invitation", "save-draft",
                        "accept-terms", "accept-terms", "submit", "request-review")));
        ApplyApi.get(AINO, "/api/v1/applications?projectId=" + project).statusCode(200)
                .body("[0].events.command", equalTo(List.of("create", "invite-member", "accept-invitation", "save-draft",
                        "accept-terms", "accept-terms", "submit")))
                .body("[2].members.status", equalTo(List.of("JOINED", "INVITED")));
    }

    @Test
    void eachApplicationSaysWhatItsReaderMayDoInItsStateAsTheCommandTableGrants() {
        ApplyApi.get(AINO, "/api/v1/applications/" + draft).statusCode(200)
                .body("allowedCommands", equalTo(List.of("save-draft", "invite-member", "accept-terms", "remove-member", "submit",
                        "copy-as-new")));
        ApplyApi.get(AINO, "/api/v1/applications/" + second).statusCode(200)
                .body("allowedCommands", equalTo(List.of("accept-terms", "copy-as-new")));
        ApplyApi.get(THL, "/api/v1/applications/" + second).statusCode(200)
                .body("allowedCommands", equalTo(List.of("invite-member", "remove-member", "return", "approve", "reject", "close",
                        "remark", "request-review")));
        ApplyApi.get(REVIEWER, "/api/v1/applications/" + second).statusCode(200)
                .body("allowedCommands", equalTo(List.of("remark", "review")));
    }
}
