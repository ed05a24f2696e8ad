package fi.sd.apply.rest;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.MIKKO;
import static fi.sd.apply.ApplyApi.THL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyEvents;
import fi.sd.apply.ApplyFixtures;
import fi.sd.apply.ApplyFixtures.PermitApplication;
import fi.sd.events.EventType;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** From the catalogue to entitlements: draft, members, terms, submit, return, resubmit, approve. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ApplicationFlowTest {

    @Test
    void aDatasetInTheCatalogueLeadsToAnEntitlementForEveryMemberWhoAcceptedTheTerms() {
        String datasetId = "thl-avohilmo-" + ApplyFixtures.unique();
        ApplyFixtures.offer(datasetId);
        String projectId = "proj-" + ApplyFixtures.unique();
        String permitId = ApplyFixtures.grantPermit(projectId, datasetId);
        String id = ApplyFixtures.draft(permitId, datasetId);

        ApplyApi.get(AINO, "/api/v1/applications/" + id).statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("applicant", equalTo("aino.virtanen"))
                .body("projectId", equalTo(projectId))
                .body("datasetIds", equalTo(List.of(datasetId)));
        ApplyApi.command(AINO, id, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(200)
                .body("members.status", containsInAnyOrder("JOINED", "INVITED"));
        ApplyApi.command(MIKKO, id, "accept-invitation").statusCode(200)
                .body("members.status", equalTo(List.of("JOINED", "JOINED")));

        ApplyApi.command(AINO, id, "submit").statusCode(422)
                .body("errors.field", hasItem("acceptedTerms"))
                .body("errors.field", hasItem("answers"));

        ApplyFixtures.completeAndSubmit(id, datasetId);
        ApplyApi.get(AINO, "/api/v1/applications/" + id).statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("acceptedTerms.userId", containsInAnyOrder("aino.virtanen", "mikko.korhonen"))
                .body("acceptedTerms.termId", equalTo(List.of("dua", "dua")))
                .body("acceptedTerms.version", equalTo(List.of(1, 1)));

        ApplyApi.command(THL, id, "approve", Map.of("comment", "Fine")).statusCode(200).body("state", equalTo("APPROVED"));

        ApplyApi.get(AINO, "/api/v1/entitlements?permitId=" + permitId).statusCode(200)
                .body("userId", equalTo(List.of("aino.virtanen")))
                .body("[0].datasetId", equalTo(datasetId))
                .body("[0].active", equalTo(true));
        ApplyApi.get(THL, "/api/v1/entitlements?permitId=" + permitId).statusCode(200)
                .header("X-Total-Count", "2")
                .body("userId", containsInAnyOrder("aino.virtanen", "mikko.korhonen"));
        ApplyApi.get(THL, "/api/v1/applications?projectId=" + projectId).statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo(id));
        ApplyApi.get(AINO, "/api/v1/applications/" + id).statusCode(200)
                .body("events.command", equalTo(List.of("create", "invite-member", "accept-invitation", "save-draft", "accept-terms",
                        "accept-terms", "submit", "approve")))
                .body("events[7].actor", equalTo("thl.controller"))
                .body("events[7].comment", equalTo("Fine"));

        JsonNode submitted = ApplyEvents.await(EventType.APPLICATION_SUBMITTED, permitId, 1).get(0);
        assertThat(submitted.at("/resubmission").asBoolean()).isFalse();
        JsonNode approved = ApplyEvents.await(EventType.APPLICATION_APPROVED, permitId, 1).get(0);
        assertThat(approved.at("/applicationId").asText()).isEqualTo(id);
        assertThat(approved.at("/members").toString()).contains("aino.virtanen", "mikko.korhonen");
        assertThat(approved.at("/datasetIds/0").asText()).isEqualTo(datasetId);
        assertThat(ApplyEvents.await(EventType.ACCESS_GRANTED, permitId, 2)).extracting(n -> n.at("/userId").asText())
                .containsExactlyInAnyOrder("aino.virtanen", "mikko.korhonen");
    }

    @Test
    void aReturnedApplicationIsChangedAndResubmitted() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        String permitId = app.permitId();
        String id = app.id();
        ApplyFixtures.completeAndSubmit(id, app.datasetId());

        ApplyApi.command(THL, id, "return", Map.of("comment", "Describe the purpose better")).statusCode(200)
                .body("state", equalTo("RETURNED"));
        ApplyApi.command(AINO, id, "save-draft",
                Map.of("answers", List.of(Map.of("datasetId", app.datasetId(), "fieldId", "purpose", "value", "Cohort study of risk factors"))))
                .statusCode(200).body("answers[0].value", equalTo("Cohort study of risk factors"));
        ApplyApi.command(AINO, id, "submit").statusCode(200).body("state", equalTo("SUBMITTED"));

        JsonNode returned = ApplyEvents.await(EventType.APPLICATION_RETURNED, permitId, 1).get(0);
        assertThat(returned.at("/comment").asText()).isEqualTo("Describe the purpose better");
        assertThat(ApplyEvents.await(EventType.APPLICATION_SUBMITTED, permitId, 2)).extracting(n -> n.at("/resubmission").asBoolean())
                .containsExactly(false, true);
    }

    @Test
    void privateRemarksAndReviewsAreHiddenFromApplicants() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        String id = app.id();
        ApplyFixtures.completeAndSubmit(id, app.datasetId());
        ApplyApi.command(THL, id, "request-review", Map.of("userIds", List.of("rita.reviewer"))).statusCode(200);
        ApplyApi.command(ApplyApi.REVIEWER, id, "review", Map.of("comment", "Looks proportionate")).statusCode(200);
        ApplyApi.command(THL, id, "remark", Map.of("comment", "Internal note", "public", false)).statusCode(200);
        ApplyApi.command(THL, id, "remark", Map.of("comment", "Decision next week", "public", true)).statusCode(200);

        ApplyApi.get(AINO, "/api/v1/applications/" + id).statusCode(200)
                .body("events.comment", hasItem("Decision next week"))
                .body("events.comment", not(hasItem("Internal note")))
                .body("events.command", not(hasItem("review")));
        ApplyApi.get(THL, "/api/v1/applications/" + id).statusCode(200)
                .body("events.comment", hasItem("Internal note"))
                .body("events.comment", hasItem("Looks proportionate"));
    }

    @Test
    void aCopyIsANewDraftWithTheSameDatasetsAndAnswers() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.command(THL, app.id(), "reject", Map.of("comment", "Not proportionate")).statusCode(200).body("state", equalTo("REJECTED"));
        ApplyApi.command(AINO, app.id(), "copy-as-new").statusCode(201)
                .body("state", equalTo("DRAFT"))
                .body("copiedFrom", equalTo(app.id()))
                .body("datasetIds", equalTo(List.of(app.datasetId())))
                .body("answers[0].value", equalTo("Cohort study"));
        assertThat(ApplyEvents.await(EventType.APPLICATION_REJECTED, app.permitId(), 1).get(0).at("/comment").asText())
                .isEqualTo("Not proportionate");
    }
}
