package fi.sd.apply.rest;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.KELA;
import static fi.sd.apply.ApplyApi.MIKKO;
import static fi.sd.apply.ApplyApi.STRANGER;
import static fi.sd.apply.ApplyApi.THL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyFixtures;
import fi.sd.apply.ApplyFixtures.PermitApplication;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every refusal is a real status with problem+json: 403 wrong role, 409 wrong state, 422 broken rule, 404 not visible. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class RefusalTest {

    @Test
    void aMemberMayNotDecideAndAnApplicantMayNotApproveTheirOwn() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.command(MIKKO, app.id(), "approve").statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        ApplyApi.command(AINO, app.id(), "reject").statusCode(403);
        ApplyApi.command(MIKKO, app.id(), "submit").statusCode(403);
        ApplyApi.command(THL, app.id(), "review", Map.of("comment", "Not a reviewer")).statusCode(403);
    }

    @Test
    void theHandlerDoesNotSeeADraftBeforeItIsSubmitted() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyApi.get(THL, "/api/v1/applications/" + app.id()).statusCode(404);
        ApplyApi.command(THL, app.id(), "approve").statusCode(404);
        ApplyApi.get(THL, "/api/v1/applications?permitId=" + app.permitId()).statusCode(200).header("X-Total-Count", "0");
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.get(THL, "/api/v1/applications?permitId=" + app.permitId()).statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void aControllerOfAnotherOrganisationAndAStrangerDoNotSeeTheApplication() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.get(STRANGER, "/api/v1/applications/" + app.id()).statusCode(404);
        ApplyApi.command(KELA, app.id(), "approve").statusCode(404);
        ApplyApi.get(KELA, "/api/v1/applications?permitId=" + app.permitId()).statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void commandsTheStateDoesNotAllowAreConflicts() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyApi.command(MIKKO, app.id(), "accept-invitation").statusCode(403);
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.command(AINO, app.id(), "submit").statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        ApplyApi.command(AINO, app.id(), "save-draft", Map.of("answers", List.of())).statusCode(409);
        ApplyApi.command(THL, app.id(), "revoke", Map.of("comment", "Too early")).statusCode(409);
        ApplyApi.command(THL, app.id(), "reject", Map.of("comment", "No")).statusCode(200);
        ApplyApi.command(THL, app.id(), "approve").statusCode(409);
        ApplyApi.command(AINO, app.id(), "accept-terms").statusCode(409);
    }

    @Test
    void brokenRulesAreUnprocessable() {
        String datasetId = "thl-avohilmo-" + ApplyFixtures.unique();
        ApplyFixtures.offer(datasetId);
        String permitId = ApplyFixtures.grantPermit("proj-" + ApplyFixtures.unique(), datasetId);
        String id = ApplyFixtures.draft(permitId, datasetId);

        ApplyApi.post(AINO, "/api/v1/applications", Map.of("permitId", permitId, "datasetIds", List.of("not-in-the-permit")))
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("datasetIds"));
        ApplyApi.post(STRANGER, "/api/v1/applications", Map.of("permitId", permitId, "datasetIds", List.of(datasetId)))
                .statusCode(422).body("errors.field", hasItem("permitId"));
        ApplyApi.post(AINO, "/api/v1/applications", Map.of("permitId", "no-such-permit", "datasetIds", List.of(datasetId)))
                .statusCode(422);
        ApplyApi.command(AINO, id, "invite-member", Map.of("userId", "someone.else")).statusCode(422)
                .body("errors.field", hasItem("userId"));
        ApplyApi.command(AINO, id, "save-draft",
                Map.of("answers", List.of(Map.of("datasetId", datasetId, "fieldId", "no-such-field", "value", "x")))).statusCode(422);
        ApplyApi.command(AINO, id, "submit").statusCode(422).body("errors.field", hasItem("answers"));
        ApplyApi.command(AINO, id, "remove-member", Map.of("userId", "aino.virtanen")).statusCode(422);

        ApplyApi.command(AINO, id, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(200);
        ApplyApi.command(AINO, id, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(409);
        ApplyApi.command(MIKKO, id, "accept-invitation").statusCode(200);
        ApplyFixtures.completeAndSubmit(id, datasetId);
        ApplyApi.command(THL, id, "approve", Map.of("entitlementEnd", Instant.now().minusSeconds(60).toString())).statusCode(422)
                .body("errors.field", hasItem("entitlementEnd"));
    }

    @Test
    void malformedRequestsAreBadRequests() {
        ApplyApi.post(AINO, "/api/v1/applications", Map.of("permitId", "has spaces", "datasetIds", List.of())).statusCode(400)
                .body("errors.field", hasItem("datasetIds"));
        ApplyApi.get(AINO, "/api/v1/applications?state=PENDING").statusCode(400).body("errors.field", hasItem("state"));
        ApplyApi.get(AINO, "/api/v1/entitlements?active=maybe").statusCode(400);
        ApplyApi.command(AINO, "whatever", "fly").statusCode(404);
    }
}
