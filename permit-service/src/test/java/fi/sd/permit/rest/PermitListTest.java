package fi.sd.permit.rest;

import static fi.sd.permit.PermitApi.AUDITOR;
import static fi.sd.permit.PermitApi.FINDATA;
import static fi.sd.permit.PermitApi.KELA;
import static fi.sd.permit.PermitApi.THL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitFixtures;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** {@code GET /permits} and the public register. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitListTest {

    @Test
    void eachCallerListsOnlyThePermitsTheyMaySee() {
        String project = "proj-list-" + PermitFixtures.unique();
        String person = "p-" + PermitFixtures.unique();
        String findataId = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), project, person));
        String thlId = PermitApi.record(THL, permit(PermitFixtures.registerPermit("THL"), project, person));
        String kelaId = PermitApi.record(KELA, permit(PermitFixtures.registerPermit("Kela"), project, "someone-" + PermitFixtures.unique()));
        String query = "/api/v1/permits?projectId=" + project;

        assertThat(ids(FINDATA, query)).containsExactly(findataId);
        assertThat(ids(THL, query)).containsExactly(thlId);
        assertThat(ids(KELA, query)).containsExactly(kelaId);
        assertThat(ids(TestTokens.user(person, "researcher").bearer(), query)).containsExactly(thlId, findataId);
        assertThat(ids(AUDITOR, query)).containsExactly(kelaId, thlId, findataId);
        assertThat(ids(TestTokens.user("root", "admin").bearer(), query)).containsExactly(kelaId, thlId, findataId);
        assertThat(ids(PermitApi.STRANGER, query)).isEmpty();
        // Every listed permit can be read on its own by the same caller: the list and the lookup agree.
        for (String id : ids(TestTokens.user(person, "researcher").bearer(), "/api/v1/permits")) {
            PermitApi.get(TestTokens.user(person, "researcher").bearer(), "/api/v1/permits/" + id).statusCode(200);
        }
    }

    @Test
    void theStatusFilterNarrowsTheList() {
        String project = "proj-status-" + PermitFixtures.unique();
        String active = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), project, "aino.virtanen"));
        String revoked = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), project, "aino.virtanen"));
        PermitApi.revoke(FINDATA, revoked, "Withdrawn").statusCode(200);

        assertThat(ids(AUDITOR, "/api/v1/permits?projectId=" + project + "&status=REVOKED")).containsExactly(revoked);
        assertThat(ids(AUDITOR, "/api/v1/permits?projectId=" + project + "&status=ACTIVE")).containsExactly(active);
        assertThat(ids(AUDITOR, "/api/v1/permits?projectId=" + project + "&status=EXPIRED")).isEmpty();
        // As in every service, an enum filter matches without regard to case.
        assertThat(ids(AUDITOR, "/api/v1/permits?projectId=" + project + "&status=revoked")).containsExactly(revoked);
        assertThat(ids(AUDITOR, "/api/v1/permits?projectId=" + project + "&status=Active")).containsExactly(active);
    }

    @Test
    void listsArePagedWithTheTotalAndLinksToTheNeighbouringPages() {
        String person = "pager-" + PermitFixtures.unique();
        String token = TestTokens.user(person, "researcher").bearer();
        String first = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), "proj-" + PermitFixtures.unique(), person));
        String second = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), "proj-" + PermitFixtures.unique(), person));
        String third = PermitApi.record(FINDATA, permit(PermitFixtures.findataPermit(), "proj-" + PermitFixtures.unique(), person));

        Response page0 = given().header("Authorization", token).when().get("/api/v1/permits?size=2");
        page0.then().statusCode(200).header("X-Total-Count", "3")
                .header("Link", containsString("page=1")).header("Link", containsString("rel=\"next\""))
                .header("Link", not(containsString("rel=\"prev\"")));
        assertThat(page0.jsonPath().getList("id", String.class)).containsExactly(third, second);

        Response page1 = given().header("Authorization", token).when().get("/api/v1/permits?size=2&page=1");
        page1.then().statusCode(200).header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"prev\"")).header("Link", not(containsString("rel=\"next\"")));
        assertThat(page1.jsonPath().getList("id", String.class)).containsExactly(first);

        given().header("Authorization", token).when().get("/api/v1/permits?size=2&page=5")
                .then().statusCode(200).body("", empty()).header("X-Total-Count", "3");
    }

    @Test
    void malformedFiltersAndPagingAre400AndNoTokenIs401() {
        for (String query : List.of("status=GRANTED", "size=0", "size=201", "page=-1", "page=abc", "page=99999999",
                "projectId=no%20spaces")) {
            String parameter = query.substring(0, query.indexOf('='));
            given().header("Authorization", AUDITOR).when().get("/api/v1/permits?" + query)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
        }
        given().when().get("/api/v1/permits").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void thePublicRegisterNeedsNoTokenAndNamesNoPerson() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        PermitApi.record(FINDATA, body);

        Response register = given().when().get("/api/v1/public/permits?journalNumber=" + body.get("journalNumber"));
        register.then().statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].journalNumber", equalTo(body.get("journalNumber")))
                .body("[0].issuer", equalTo("Findata"))
                .body("[0].holderOrganisation", equalTo("University of Helsinki"))
                .body("[0].title", equalTo(body.get("title")))
                .body("[0].purpose", equalTo(body.get("purpose")))
                .body("[0].datasetTitles", equalTo(List.of("Avohilmo 2015-2024")))
                .body("[0].validFrom", equalTo(body.get("validFrom")))
                .body("[0].validUntil", equalTo(body.get("validUntil")))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].persons", nullValue())
                .body("[0].id", nullValue());
        assertThat(register.asString()).doesNotContain("Aino Virtanen", "aino.virtanen", "Mikko", "@");

        String wholePage = given().when().get("/api/v1/public/permits?size=200").then().statusCode(200).extract().asString();
        assertThat(wholePage).doesNotContain("userId", "principalInvestigator", "@");
        given().when().get("/api/v1/public/permits?status=nope").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/public/permits?status=active&journalNumber=" + body.get("journalNumber"))
                .then().statusCode(200).header("X-Total-Count", "1");
    }

    private static Map<String, Object> permit(Map<String, Object> body, String projectId, String person) {
        body.put("projectId", projectId);
        body.put("persons", List.of(PermitFixtures.person(person)));
        return body;
    }

    private static List<String> ids(String token, String path) {
        return given().header("Authorization", token).when().get(path).then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
    }
}
