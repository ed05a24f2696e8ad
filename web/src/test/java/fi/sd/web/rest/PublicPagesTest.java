package fi.sd.web.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.PublicPermit;
import fi.sd.web.client.PublicRegisterApi;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

/** The pages anyone sees: the front page, the permit register, the language, and errors, without signing in. */
@QuarkusTest
class PublicPagesTest {

    @InjectMock
    @RestClient
    PublicRegisterApi register;

    @BeforeEach
    void oneGrantedPermit() {
        PublicPermit permit = new PublicPermit("THL/1234/14.02.00/2026", "FINDATA", "Findata", "University of Helsinki",
                "Cardiometabolic risk", "Cohort study", List.of("Avohilmo 2015-2024"), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 12, 31), "ACTIVE");
        when(register.list(any(), any(), anyInt(), anyInt()))
                .thenReturn(RestResponse.ResponseBuilder.ok(List.of(permit)).header("X-Total-Count", "41").build());
    }

    @Test
    void theFrontPageInvitesToSignInAndShowsNoStaffNavigation() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"), containsString("href=\"/sign-in\""), containsString("Permit register"),
                        not(containsString("href=\"/audit\"")), not(containsString("href=\"/permits\"")))
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'")))
                .header("Cache-Control", "no-store");
    }

    @Test
    void theRegisterListsPermitsWithTheirValidityInTheReadersLanguage() {
        given().get("/register").then().statusCode(200)
                .body(containsString("THL/1234/14.02.00/2026"), containsString("University of Helsinki"), containsString("Dec 31, 2027"),
                        containsString("1–20 of 41"), containsString("href=\"?page=1\""));
        given().cookie("sd_lang", "fi").get("/register").then().statusCode(200)
                .body(containsString("<html lang=\"fi\">"), containsString("Luparekisteri"), containsString("31.12.2027"),
                        containsString("Voimassa"));
        given().header("Accept-Language", "sv-FI,sv;q=0.9,en;q=0.5").get("/register").then().statusCode(200)
                .body(containsString("Tillståndsregister"), containsString("Gällande"));
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndReturnsOnlyToThisSite() {
        io.restassured.http.Cookie chosen = given().redirects().follow(false).get("/language/fi?return=/register?status=ACTIVE").then()
                .statusCode(303).header("Location", containsString("/register?status=ACTIVE")).extract().detailedCookie("sd_lang");
        org.assertj.core.api.Assertions.assertThat(chosen.getValue()).isEqualTo("fi");
        org.assertj.core.api.Assertions.assertThat(chosen.isHttpOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThat(chosen.getSameSite()).isEqualToIgnoringCase("Lax");
        given().redirects().follow(false).get("/language/sv?return=//evil.example.org/").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void anUnknownAddressIsAReadableNotFoundPage() {
        given().cookie("sd_lang", "fi").get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Sivua ei löydy"), containsString("href=\"/\""), not(containsString("Exception")));
    }

    @Test
    void theGatewayOutOfReachIsAReadableUnavailablePage() {
        when(register.list(any(), any(), anyInt(), anyInt())).thenThrow(new ApiProblem(503, "Service Unavailable", null, null, null));
        given().get("/register").then().statusCode(503).body(containsString("The service is not available"));
    }

    @Test
    void theAccessibilityStatementIsInEachLanguage() {
        given().cookie("sd_lang", "fi").get("/accessibility").then().statusCode(200).body(containsString("Saavutettavuusseloste"),
                containsString("WCAG 2.1"));
    }

    @Test
    void aFileTransferNeedsASignInAndAnUploadItsScriptsHeaderAndNoDotSegment() {
        given().contentType("application/octet-stream").body(new byte[] { 1, 2, 3 }).put("/permits/p-1/releases/r-1/files/visits.csv")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
        given().header("X-Requested-With", "XMLHttpRequest").contentType("application/octet-stream").body(new byte[] { 1, 2, 3 })
                .put("/permits/p-1/releases/r-1/files/visits.csv")
                .then().statusCode(401).contentType(containsString("application/problem+json")).body(containsString("Sign in again"));
        given().urlEncodingEnabled(false).get("/exports/e-1/files/results/%2E%2E/secret.csv").then().statusCode(404);
        given().get("/exports/e-1/downloads/results/table.csv").then().statusCode(401);
    }
}
