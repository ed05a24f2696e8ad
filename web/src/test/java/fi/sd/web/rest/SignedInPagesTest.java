package fi.sd.web.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.web.client.AirlockExport;
import fi.sd.web.client.AuditVerification;
import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.Application;
import fi.sd.web.client.ApplyApi;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.Permit;
import fi.sd.web.client.PermitApi;
import fi.sd.web.security.StepUpRedirectFilter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** Pages behind the sign-in, with the gateway's answers given by the test: navigation by role, refusals as messages, CSRF. */
@QuarkusTest
class SignedInPagesTest {

    @InjectMock
    @RestClient
    PermitApi permits;

    @InjectMock
    @RestClient
    ApplyApi apply;

    @InjectMock
    @RestClient
    DesktopApi desktops;

    private static final Permit PERMIT = new Permit("permit-1", 1, "ACTIVE", "THL/1/2026", "REGISTER", "THL",
            new Permit.Holder("University of Helsinki", "Aino Virtanen"), "proj-1", "Cardiometabolic risk", "Cohort study",
            List.of(new Permit.Dataset("thl-avohilmo", "THL", "Avohilmo")), List.of(new Permit.Person("alice", "Alice", "alice@example.org")),
            LocalDate.of(2026, 12, 1), LocalDate.of(2027, 12, 31), null, Instant.parse("2026-12-01T08:00:00Z"),
            Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void onePermit() {
        when(permits.list(any(), any(), anyInt(), anyInt()))
                .thenReturn(RestResponse.ResponseBuilder.ok(List.of(PERMIT)).header("X-Total-Count", "1").build());
    }

    @Test
    @TestSecurity(user = "alice", roles = "researcher")
    void aResearcherSeesTheirProjectsAndOnlyTheResearchersNavigation() {
        given().get("/projects").then().statusCode(200)
                .body(containsString("Cardiometabolic risk"), containsString("href=\"/catalogue\""), containsString("href=\"/applications\""),
                        containsString("href=\"/workspaces\""), containsString("href=\"/applications/new?permitId=permit-1\""),
                        not(containsString("href=\"/permits\"")), not(containsString("href=\"/audit\"")), not(containsString("href=\"/actions\"")),
                        not(containsString("href=\"/reviews\"")));
    }

    @Test
    @TestSecurity(user = "registrar.thl", roles = "data-controller")
    void aControllerSeesTheActionsInboxAndThePermits() {
        given().get("/permits").then().statusCode(200)
                .body(containsString("href=\"/actions\""), containsString("href=\"/permits/new\""), not(containsString("href=\"/audit\"")),
                        not(containsString("href=\"/applications\"")));
    }

    @Test
    @TestSecurity(user = "auditor.anna", roles = "auditor")
    void anAuditorSeesTheAuditLogButNoStartOfAnything() {
        given().get("/permits").then().statusCode(200)
                .body(containsString("href=\"/audit\""), not(containsString("href=\"/permits/new\"")), not(containsString("href=\"/catalogue\"")));
    }

    @Test
    @TestSecurity(user = "findata.officer", roles = "permit-authority")
    void aPermitsPageNamesItInItsBreadcrumbs() {
        when(permits.get("permit-1")).thenReturn(PERMIT);
        when(permits.versions("permit-1")).thenReturn(List.of());
        when(permits.releases("permit-1")).thenReturn(List.of());
        given().get("/permits/permit-1").then().statusCode(200)
                .body(containsString("aria-current=\"page\"><span class=\"mono\">THL/1/2026</span>"), containsString("Cardiometabolic risk"));
    }

    @Test
    @TestSecurity(user = "registrar.thl", roles = "data-controller")
    void theCatalogueFormOffersANewDataset() {
        given().get("/catalogue/new").then().statusCode(200)
                .body(containsString("name=\"datasetId\""), containsString("name=\"terms[0].id\""), containsString("name=\"csrf-token\""));
    }

    @Test
    @TestSecurity(user = "alice", roles = "researcher")
    void aStrangersApplicationIsAReadableNotFoundPage() {
        when(apply.application("someone-elses")).thenThrow(new ApiProblem(404, "Not found",
                "Application someone-elses does not exist or is not visible to you", "req-1", List.of()));
        given().cookie("sd_lang", "fi").get("/applications/someone-elses").then().statusCode(404)
                .body(containsString("Sivua ei löydy"), containsString("does not exist or is not visible to you"), containsString("req-1"));
    }

    @Test
    @TestSecurity(user = "findata.officer", roles = "permit-authority")
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAReadablePage() {
        given().contentType("application/x-www-form-urlencoded").formParam("reason", "because").post("/permits/permit-1/revoke")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("security check"));
        verify(permits, never()).revoke(any(), anyMap());
    }

    @Test
    @TestSecurity(user = "findata.officer", roles = "permit-authority")
    void theApisFieldErrorsAppearNextToTheirFieldsInTheReadersLanguage() {
        when(permits.record(anyMap())).thenThrow(new ApiProblem(400, "Invalid request", "The request has 2 invalid field(s)", "req-2",
                List.of(new ApiProblem.FieldError("journalNumber", "must not be blank"),
                        new ApiProblem.FieldError("persons[0].email", "must be an e-mail address such as name@example.org"))));
        Response form = given().cookie("sd_lang", "fi").get("/permits/new");
        form.then().statusCode(200);
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().cookie("sd_lang", "fi").cookie("sd_csrf", form.getCookie("sd_csrf")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("route", "FINDATA").formParam("persons[0].userId", "mikko")
                .formParam("persons[0].email", "not-an-address").post("/permits")
                .then().statusCode(400)
                .body(containsString("Korjaa seuraavat kohdat"), containsString("href=\"#f-journalNumber\">Diaarinumero: Täytä tämä kenttä"),
                        containsString("href=\"#f-persons-0-email\">Henkilö 1, Sähköpostiosoite: Anna sähköpostiosoite"),
                        containsString("Täytä tämä kenttä"), containsString("id=\"f-persons-0-email-error\""),
                        containsString("Anna sähköpostiosoite"), containsString("value=\"not-an-address\""), containsString("aria-invalid=\"true\""));
        verify(permits).record(anyMap());
    }

    @Test
    @TestSecurity(user = "findata.officer", roles = "permit-authority")
    void aReleaseIsRecordedWithEachFilesNameSizeAndChecksumAsTheApiReadsThem() {
        when(permits.get("permit-1")).thenReturn(PERMIT);
        Response form = given().get("/permits/permit-1/releases/new");
        form.then().statusCode(200).body(containsString("id=\"f-files\""));
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String sha256 = "a".repeat(64);
        given().cookie("sd_csrf", form.getCookie("sd_csrf")).contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("datasetId", "thl-avohilmo").formParam("files[0].name", "visits.csv").formParam("files[0].sizeBytes", "12")
                .formParam("files[0].sha256", sha256).redirects().follow(false).post("/permits/permit-1/releases")
                .then().statusCode(303);
        verify(permits).release("permit-1", Map.of("datasetId", "thl-avohilmo",
                "files", List.of(Map.of("name", "visits.csv", "sizeBytes", "12", "sha256", sha256))));
    }

    @Test
    @TestSecurity(user = "thl.controller", roles = "data-controller")
    void anApplicationOffersOnlyTheCommandsTheApiAllowsItsReader() {
        when(apply.catalogue()).thenReturn(List.of());
        when(apply.application("app-1")).thenReturn(new Application("app-1", "permit-1", "proj-1", "THL", "alice", "APPROVED",
                List.of("thl-avohilmo"), List.of(), List.of(), List.of(), List.of(), null, null, 3, Instant.now(), Instant.now(),
                List.of(), List.of("remark", "revoke")));
        given().get("/applications/app-1").then().statusCode(200)
                .body(containsString("action=\"/applications/app-1/revoke\""), containsString("action=\"/applications/app-1/remark\""),
                        not(containsString("action=\"/applications/app-1/invite-member\"")),
                        not(containsString("action=\"/applications/app-1/close\"")),
                        not(containsString("action=\"/applications/app-1/approve\"")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "researcher")
    void theRequesterOfAnApprovedExportGetsADownloadPerFileAndAReadableMessageWhenTheApiRefusesOne() {
        when(desktops.export("exp-1")).thenReturn(new AirlockExport("exp-1", "ws-1", "permit-1", "proj-1", "APPROVED",
                List.of(new AirlockExport.File("results/table 1.csv", 34, "c".repeat(64))), "LOW", null, null, "alice", Instant.now(),
                List.of("service-desk"), List.of(), Instant.now(), null));
        given().get("/exports/exp-1").then().statusCode(200)
                .body(containsString("href=\"/exports/exp-1/downloads/results/table%201.csv\""), containsString("c".repeat(64)),
                        not(containsString("/preview?path=")));
        given().get("/exports/exp-1?problem=download-refused").then().statusCode(200)
                .body(containsString("The download was refused"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "researcher")
    void anExportWhoseFilesAreBeingCopiedSaysSoAndFollowsTheCopyThenAFailedCopySaysWhy() {
        when(desktops.export("exp-2")).thenReturn(new AirlockExport("exp-2", "ws-1", "permit-1", "proj-1", "COPYING",
                List.of(new AirlockExport.File("results/big.parquet", 2_147_483_648L, null)), "LOW", null, null, "alice", Instant.now(),
                List.of("service-desk"), List.of(), Instant.now(), null));
        given().get("/exports/exp-2").then().statusCode(200)
                .body(containsString("Copying files…"), containsString("hx-get=\"/exports/exp-2\" hx-trigger=\"every 2s\""),
                        containsString("<noscript><p><a href=\"/exports/exp-2\">"), containsString("action=\"/exports/exp-2/cancel\""),
                        not(containsString("/downloads/")));
        given().header("Accept-Language", "fi").get("/exports/exp-2").then().statusCode(200)
                .body(containsString("Tiedostoja kopioidaan…"));

        when(desktops.export("exp-3")).thenReturn(new AirlockExport("exp-3", "ws-1", "permit-1", "proj-1", "COPY_FAILED",
                List.of(new AirlockExport.File("results/gone.csv", 10, null)), "LOW", null, null, "alice", Instant.now(),
                List.of("service-desk"), List.of(), Instant.now(), "/export/results/gone.csv does not exist in the export folder"));
        given().get("/exports/exp-3").then().statusCode(200)
                .body(containsString("The files could not be copied"), containsString("/export/results/gone.csv does not exist"),
                        not(containsString("hx-trigger")), not(containsString("/exports/exp-3/cancel")));
    }

    /** quarkus-oidc looks its redirect filters up itself: the step-up's must survive the build's removal of unused beans. */
    @Test
    void theStepUpFilterIsThereForTheSignInToFind() {
        org.assertj.core.api.Assertions.assertThat(Arc.container().select(OidcRedirectFilter.class).stream()
                .map(filter -> ClientProxy.unwrap(filter).getClass().getSimpleName()).toList())
                .anyMatch(name -> name.startsWith(StepUpRedirectFilter.class.getSimpleName()));
    }

    @Test
    @TestSecurity(user = "findata.officer", roles = "permit-authority")
    void anUnknownCommandIsNotFound() {
        Response page = given().get("/permits/new");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().cookie("sd_csrf", page.getCookie("sd_csrf")).contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .post("/applications/app-1/no-such-command").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "auditor.anna", roles = "auditor")
    void aBrokenChainNamesItsEntryOrSaysThatAChainIsMissing() {
        when(desktops.verifyAudit()).thenReturn(new AuditVerification(false, 41, 42L, "Entry 42: its content does not match its hash"));
        given().get("/audit/verification").then().statusCode(200)
                .body(containsString("The chain is broken at entry 42."), containsString("its content does not match its hash"));
        when(desktops.verifyAudit()).thenReturn(new AuditVerification(false, 0, null, "The log has heads for chains [0, 1], not for each"));
        given().get("/audit/verification").then().statusCode(200)
                .body(containsString("The chain is broken: not every chain of the log is there."), not(containsString("entry null")));
    }
}
