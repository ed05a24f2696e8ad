package fi.sd.apply.service;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.THL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyEvents;
import fi.sd.apply.ApplyFixtures;
import fi.sd.apply.ApplyFixtures.PermitApplication;
import fi.sd.events.EventType;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Entitlements ending by the clock, by the permit's end, by removal and revocation; concurrent decisions. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class EntitlementLifecycleTest {

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void entitlementsEndByThemselvesAtTheirEndDate() {
        Instant end = Instant.now().plus(Duration.ofHours(2));
        PermitApplication app = ApplyFixtures.approved(Map.of("entitlementEnd", end.toString()));
        ApplyApi.get(THL, "/api/v1/entitlements?permitId=" + app.permitId()).statusCode(200)
                .header("X-Total-Count", "2").body("active", everyItem(equalTo(true)));

        TestClock.INSTANCE.advance(Duration.ofHours(3));

        await().atMost(ApplyFixtures.EVENT_APPLIED).untilAsserted(() -> ApplyApi.get(THL, "/api/v1/entitlements?permitId=" + app.permitId())
                .statusCode(200).body("active", everyItem(equalTo(false))).body("endReason", everyItem(equalTo("END_DATE_REACHED"))));
        assertThat(ApplyEvents.await(EventType.ACCESS_REVOKED, app.permitId(), 2)).extracting(n -> n.at("/reason").asText())
                .containsOnly("END_DATE_REACHED");
        assertThat(ApplyEvents.await(EventType.ACCESS_GRANTED, app.permitId(), 2).get(0).at("/end").asText()).isNotEmpty();
    }

    @Test
    void anExpiredPermitClosesItsApplicationsAndEndsTheirEntitlements() {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        String other = ApplyFixtures.draft(app.permitId(), app.datasetId());

        TestEvents.publish(new PermitExpired(app.permitId(), "proj", LocalDate.now(), Instant.now()));

        await().atMost(ApplyFixtures.EVENT_APPLIED).untilAsserted(() -> ApplyApi.get(AINO, "/api/v1/applications/" + app.id())
                .statusCode(200).body("state", equalTo("CLOSED")));
        ApplyApi.get(AINO, "/api/v1/applications/" + other).statusCode(200).body("state", equalTo("CLOSED"))
                .body("events[-1].actor", equalTo("system"));
        ApplyApi.get(THL, "/api/v1/entitlements?permitId=" + app.permitId()).statusCode(200)
                .body("endReason", everyItem(equalTo("PERMIT_EXPIRED")));
        List<JsonNode> closed = ApplyEvents.await(EventType.APPLICATION_CLOSED, app.permitId(), 2);
        assertThat(closed).extracting(n -> n.at("/actor").asText()).containsOnly("system");
        assertThat(ApplyEvents.await(EventType.ACCESS_REVOKED, app.permitId(), 2)).extracting(n -> n.at("/reason").asText())
                .containsOnly("PERMIT_EXPIRED");
        ApplyApi.post(AINO, "/api/v1/applications", Map.of("permitId", app.permitId(), "datasetIds", List.of(app.datasetId()))).statusCode(422);
    }

    @Test
    void aRevokedPermitClosesItsApplications() {
        PermitApplication app = ApplyFixtures.draftWithMember();
        TestEvents.publish(new PermitRevoked(app.permitId(), 2, "proj", "Misuse", "thl.controller", Instant.now()));
        await().atMost(ApplyFixtures.EVENT_APPLIED).untilAsserted(() -> ApplyApi.get(AINO, "/api/v1/applications/" + app.id())
                .statusCode(200).body("state", equalTo("CLOSED")));
    }

    @Test
    void closingAnApprovedApplicationEndsItsEntitlements() {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        ApplyApi.command(THL, app.id(), "close", Map.of("comment", "Project finished")).statusCode(200).body("state", equalTo("CLOSED"));
        ApplyApi.get(THL, "/api/v1/entitlements?permitId=" + app.permitId()).statusCode(200)
                .header("X-Total-Count", "2").body("endReason", everyItem(equalTo("APPLICATION_CLOSED")));
        JsonNode closed = ApplyEvents.await(EventType.APPLICATION_CLOSED, app.permitId(), 1).get(0);
        assertThat(closed.at("/actor").asText()).isEqualTo("thl.controller");
        assertThat(closed.at("/comment").asText()).isEqualTo("Project finished");
        assertThat(ApplyEvents.await(EventType.ACCESS_REVOKED, app.permitId(), 2)).extracting(n -> n.at("/reason").asText())
                .containsOnly("APPLICATION_CLOSED");
        ApplyApi.command(AINO, app.id(), "accept-terms").statusCode(409);
    }

    @Test
    void removingAMemberEndsTheirEntitlementOnly() {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        ApplyApi.command(THL, app.id(), "remove-member", Map.of("userId", "mikko.korhonen", "comment", "Left the project")).statusCode(200);
        ApplyApi.get(THL, "/api/v1/entitlements?active=true&permitId=" + app.permitId()).statusCode(200)
                .body("userId", equalTo(List.of("aino.virtanen")));
        JsonNode revoked = ApplyEvents.await(EventType.ACCESS_REVOKED, app.permitId(), 1).get(0);
        assertThat(revoked.at("/userId").asText()).isEqualTo("mikko.korhonen");
        assertThat(revoked.at("/reason").asText()).isEqualTo("MEMBER_REMOVED");
    }

    @Test
    void anAmendmentThatDropsAPersonEndsTheirEntitlementAndTheyCannotBeInvitedAgain() {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        TestEvents.publish(new PermitAmended(ApplyFixtures.snapshot(app.permitId(), 2, "proj", List.of("aino.virtanen"), app.datasetId()),
                List.of("persons"), "Mikko left", "thl.controller", Instant.now()));

        await().atMost(ApplyFixtures.EVENT_APPLIED).untilAsserted(() -> ApplyApi.get(THL,
                "/api/v1/entitlements?active=true&permitId=" + app.permitId()).statusCode(200).body("userId", equalTo(List.of("aino.virtanen"))));
        assertThat(ApplyEvents.await(EventType.ACCESS_REVOKED, app.permitId(), 1).get(0).at("/userId").asText()).isEqualTo("mikko.korhonen");
        ApplyApi.command(THL, app.id(), "remove-member", Map.of("userId", "mikko.korhonen")).statusCode(200);
        ApplyApi.command(THL, app.id(), "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(422);
    }

    @Test
    void revokingBlocklistsTheMembersFromLaterApprovalsUntilTheHandlerLiftsIt() {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        ApplyApi.command(THL, app.id(), "revoke", Map.of("comment", "Data used outside the permit")).statusCode(200)
                .body("state", equalTo("REVOKED"));
        ApplyApi.get(THL, "/api/v1/entitlements?active=true&permitId=" + app.permitId()).statusCode(200).header("X-Total-Count", "0");
        ApplyApi.get(THL, "/api/v1/entitlements/blocklist").statusCode(200);
        List<String> blocked = ApplyApi.get(THL, "/api/v1/entitlements/blocklist").extract().jsonPath()
                .getList("findAll { it.datasetId == '" + app.datasetId() + "' }.userId", String.class);
        assertThat(blocked).containsExactlyInAnyOrder("aino.virtanen", "mikko.korhonen");
        JsonNode revoked = ApplyEvents.await(EventType.APPLICATION_REVOKED, app.permitId(), 1).get(0);
        assertThat(revoked.at("/members").toString()).contains("aino.virtanen", "mikko.korhonen");

        String again = ApplyFixtures.draft(app.permitId(), app.datasetId());
        ApplyApi.command(AINO, again, "save-draft",
                Map.of("answers", List.of(Map.of("datasetId", app.datasetId(), "fieldId", "purpose", "value", "Cohort study")))).statusCode(200);
        ApplyApi.command(AINO, again, "accept-terms").statusCode(200);
        ApplyApi.command(AINO, again, "submit").statusCode(200);
        ApplyApi.command(THL, again, "approve").statusCode(200);
        ApplyApi.get(THL, "/api/v1/entitlements?active=true&permitId=" + app.permitId()).statusCode(200).header("X-Total-Count", "0");

        ApplyApi.get(AINO, "/api/v1/entitlements/blocklist").statusCode(403);
        ApplyApi.delete(ApplyApi.KELA, "/api/v1/entitlements/blocklist/" + app.datasetId() + "/aino.virtanen").statusCode(403);
        ApplyApi.delete(THL, "/api/v1/entitlements/blocklist/" + app.datasetId() + "/aino.virtanen").statusCode(204);
        ApplyApi.delete(THL, "/api/v1/entitlements/blocklist/" + app.datasetId() + "/aino.virtanen").statusCode(404);
        List<String> still = ApplyApi.get(THL, "/api/v1/entitlements/blocklist").extract().jsonPath()
                .getList("findAll { it.datasetId == '" + app.datasetId() + "' }.userId", String.class);
        assertThat(still).containsExactly("mikko.korhonen");
        ApplyApi.get(THL, "/api/v1/entitlements?active=true&permitId=" + app.permitId()).statusCode(200)
                .body("applicationId", equalTo(List.of(again))).body("userId", equalTo(List.of("aino.virtanen")));
    }

    @Test
    void ofTwoConcurrentApprovalsOneWinsAndTheOtherIsAConflict() throws Exception {
        PermitApplication app = ApplyFixtures.draftWithMember();
        ApplyFixtures.completeAndSubmit(app.id(), app.datasetId());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String comment = "Approval " + i;
                Callable<Integer> approve = () -> {
                    start.await();
                    return ApplyApi.command(THL, app.id(), "approve", Map.of("comment", comment)).extract().statusCode();
                };
                results.add(pool.submit(approve));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        ApplyApi.get(THL, "/api/v1/applications/" + app.id()).statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("events.findAll { it.command == 'approve' }.size()", equalTo(1));
        assertThat(ApplyEvents.await(EventType.APPLICATION_APPROVED, app.permitId(), 1)).hasSize(1);
    }
}
