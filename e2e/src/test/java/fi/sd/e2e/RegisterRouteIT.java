package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Scenario 2, the register route: the controller offers a dataset and grants the permit itself, the
 * researchers apply for it, and the workspace shows the released data only to those entitled.
 */
class RegisterRouteIT extends SystemTest {

    @Test
    void aRegisterPermitsDataReachesOnlyTheEntitledMembersAndLeavesWhenTheirEntitlementEnds() {
        RegisterProject project = new RegisterProject(api, system, "register");

        project.offerInCatalogue();
        api.as(project.applicant, "researcher").get("/catalogue/{id}", project.catalogueItemId).then().statusCode(200)
                .body("datasetId", equalTo(project.datasetId)).body("terms.id", hasItem("no-reidentification"));
        project.recordPermit();
        project.asController().get("/permits/{id}", project.permitId).then().statusCode(200)
                .body("route", equalTo("REGISTER")).body("status", equalTo("ACTIVE"));

        project.apply().then().body("state", equalTo("DRAFT")).body("applicant", equalTo(project.applicant));
        project.inviteMemberAndAcceptTerms();
        project.submit().then().body("state", equalTo("SUBMITTED"));

        project.command(project.asController(), "return", Map.of("comment", "Name the variables you need.")).then()
                .statusCode(200).body("state", equalTo("RETURNED"));
        project.submit().then().body("state", equalTo("SUBMITTED"));
        project.approve().then().body("state", equalTo("APPROVED"));
        project.asResearcher(project.applicant).get("/applications/{id}", project.applicationId).then().statusCode(200)
                .body("events.command", hasItem("return"))
                .body("acceptedTerms.userId", hasItem(project.member));

        project.asController().queryParam("permitId", project.permitId).queryParam("active", "true").get("/entitlements").then()
                .statusCode(200).body("userId", containsInAnyOrder(project.applicant, project.member))
                .body("datasetId", everyItem(equalTo(project.datasetId)));

        project.release();
        await("the release is mounted for the entitled members").atMost(RegisterProject.ASYNC).untilAsserted(() -> {
            assertThat(project.mountedDatasets(project.applicant)).containsExactly(project.datasetId);
            assertThat(project.mountedDatasets(project.member)).containsExactly(project.datasetId);
        });
        // A person of the permit with no entitlement is in the workspace but sees no data.
        project.asResearcher(project.bystander).queryParam("projectId", project.projectId).get("/workspaces").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].members", hasItem(project.bystander));
        assertThat(project.mountedDatasets(project.bystander)).isEmpty();

        // The handler removes the member: their entitlement ends, and with it their view of the data.
        project.command(project.asController(), "remove-member", Map.of("userId", project.member)).then().statusCode(200);
        project.asController().queryParam("permitId", project.permitId).queryParam("active", "true").get("/entitlements").then()
                .statusCode(200).body("userId", equalTo(List.of(project.applicant)));
        await("the removed member's mount is gone").atMost(RegisterProject.ASYNC)
                .untilAsserted(() -> assertThat(project.mountedDatasets(project.member)).isEmpty());
        assertThat(project.mountedDatasets(project.applicant)).containsExactly(project.datasetId);

        // Revoking the application ends the applicant's entitlement too.
        project.command(project.asController(), "revoke", Map.of("comment", "Data used beyond the permit's purpose.")).then()
                .statusCode(200).body("state", equalTo("REVOKED"));
        await("the applicant's mount is gone").atMost(RegisterProject.ASYNC)
                .untilAsserted(() -> assertThat(project.mountedDatasets(project.applicant)).isEmpty());
        project.asController().queryParam("permitId", project.permitId).get("/entitlements").then().statusCode(200)
                .body("active", everyItem(equalTo(false)))
                .body("endReason", containsInAnyOrder("MEMBER_REMOVED", "APPLICATION_REVOKED"));
    }
}
