package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import fi.sd.e2e.KeycloakTokens.Credentials;
import fi.sd.e2e.browser.Browser;
import fi.sd.testsupport.sandbox.HostCommand;

/**
 * The web front end in real headless Chromium against the whole system with Keycloak: people sign in by typing
 * into Keycloak's page and play the register route and the review of a high-risk export; refusals show as messages; forms
 * without their CSRF token are refused; no token is readable by the page's scripts. axe-core checks every page
 * the browser arrives at (Browser); the main pages are saved as screenshots under {@code e2e/target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesIT extends SystemTest {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private Browser browser;

    @BeforeAll
    void openTheBrowser() {
        system.web();
        browser = new Browser(system.webUrl(), Path.of(System.getProperty("sd.root", "..")).resolve("e2e/target/screenshots"));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRegisterRouteFromCatalogueToEntitlementAndWorkspace() {
        RegisterProject project = new RegisterProject(api, system, "web-register");
        Credentials controller = system.tokens().user(project.controller, "data-controller").org(project.org).credentials();
        Credentials applicant = system.tokens().user(project.applicant, "researcher").credentials();
        Credentials member = system.tokens().user(project.member, "researcher").credentials();
        String title = "Hospital discharges " + project.datasetId;

        // The controller offers the dataset, with a term of use and a question.
        browser.signIn(controller).go("/catalogue/new")
                .fill("datasetId", project.datasetId).fill("title", title)
                .fill("description", "Discharges from every hospital, 2015-2024, pseudonymised.")
                .fill("terms[0].id", "no-reidentification").fill("terms[0].title", "No re-identification")
                .fill("terms[0].text", "You will not try to identify any person.")
                .fill("fields[0].id", "variables").fill("fields[0].label", "Which variables do you need?").fill("fields[0].type", "LONG_TEXT")
                .choose("f-fields-0-required").submit("/catalogue");
        assertThat(browser.text()).contains("The dataset is now in the catalogue.", title, "1 term of use");
        browser.screenshot("catalogue");
        project.recordPermit();

        // The applicant applies from the catalogue (apply-service learns the permit from its event: until then it refuses).
        browser.signIn(applicant).go("/catalogue");
        await("the application starts").atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.go("/catalogue").open(By.xpath("//li[.//h2[normalize-space(.)='" + title + "']]//a[starts-with(normalize-space(.), 'Apply')]"))
                    .press("Start an application");
            return browser.path().matches("/applications/[^/?]+\\?done=application-created.*");
        });
        String application = browser.path().replaceAll("\\?.*", "");
        browser.fill("answer." + project.datasetId + ".variables", "Diagnoses, length of stay, municipality").press("Save the draft");
        assertThat(browser.text()).contains("The draft was saved.", "Diagnoses, length of stay");
        browser.fillIn("/invite-member", "userId", project.member).submit("/invite-member");
        assertThat(browser.text()).contains("The member was invited.", project.member, "Invited");
        browser.press("Accept the terms");
        assertThat(browser.text()).contains("You accepted the terms of use.");
        browser.screenshot("application-draft");

        // The member joins and accepts the terms; the applicant submits.
        browser.signIn(member).go("/applications").open(By.cssSelector("a[href='" + application + "']")).press("Join the application")
                .press("Accept the terms");
        assertThat(browser.text()).contains("You accepted the terms of use.");
        browser.signIn(applicant).go(application).press("Submit the application");
        assertThat(browser.text()).contains("The application was submitted.", "Submitted");

        // The controller returns it from the Actions inbox; the applicant resubmits; the controller approves.
        browser.signIn(controller).go("/actions");
        assertThat(browser.text()).contains(project.projectId);
        browser.screenshot("actions");
        browser.open(By.cssSelector("a[href='" + application + "']")).fillIn("/return", "comment", "Name the variables of each year.")
                .submit("/return");
        assertThat(browser.text()).contains("The application was returned to the applicant.", "Returned");
        browser.signIn(applicant).go(application);
        assertThat(browser.text()).contains("Name the variables of each year.");
        browser.press("Submit the application");
        assertThat(browser.text()).contains("The application was submitted.");
        browser.signIn(controller).go(application).set("entitlementEnd", system.today().plusYears(1).toString())
                .fillIn("/approve", "comment", "Meets the permit's purpose.").submit("/approve");
        assertThat(browser.text()).contains("The application was approved.", "Approved", "Entitlement ends");
        browser.screenshot("application-approved");

        // The researcher sees the entitlement and the workspace.
        browser.signIn(applicant).go("/entitlements");
        assertThat(browser.text()).contains(project.datasetId, "Active");
        browser.screenshot("entitlements");
        assertNoTokenReadableByScripts();
        browser.go("/workspaces").reloadUntil("Workspace of " + project.projectId);
        browser.follow("Workspace of " + project.projectId);
        assertThat(browser.text()).contains(project.applicant, project.member, "Ready");
        browser.screenshot("workspace");
    }

    @Test
    void aHighRiskExportTakesTwoReviewersAndTheSamePersonCannotApproveTwice() {
        FindataProject project = FindataProject.ready("web-export-");
        String suffix = project.suffix();
        String projectId = project.projectId();
        String export = "/exports/" + Flows.requestExport(() -> api.as(Api.RESEARCHER, "researcher"), project.workspaceId(),
                Flows.export(system, project.workspaceId(), "HIGH")).extract().path("id");
        Credentials desk = system.tokens().user("desk-" + suffix, "service-desk").credentials();
        Credentials officer = system.tokens().user("officer-" + suffix, "permit-authority").credentials();
        Credentials auditor = system.tokens().user("auditor-" + suffix, "auditor").credentials();

        // The service desk approves from its queue; approving again is refused with a message on the page.
        browser.signIn(desk).go("/reviews");
        assertThat(browser.text()).contains("Exports waiting for review", projectId);
        browser.screenshot("reviews");
        browser.open(By.cssSelector("a[href='" + export + "']")).fillIn("/approve", "comment", "Aggregates only.").submit("/approve");
        assertThat(browser.text()).contains("Your approval was recorded.", "Approved by " + desk.userId());
        browser.fillIn("/approve", "comment", "Once more.").submit("/approve");
        assertThat(browser.text()).contains("There is a problem", "You have already approved this export");
        browser.screenshot("export-second-approval-refused");

        // Findata gives the second approval of the high-risk export.
        browser.signIn(officer).go("/reviews").open(By.cssSelector("a[href='" + export + "']"))
                .fillIn("/approve", "comment", "Findata: anonymous at this level.").submit("/approve");
        assertThat(browser.text()).contains("Your approval was recorded.", "Approved by " + officer.userId());
        browser.screenshot("export-approved");

        // The auditor finds the request in the audit log and verifies the chain in the page.
        browser.signIn(auditor).go("/audit?actor=" + Api.RESEARCHER);
        assertThat(browser.text()).contains("export.requested");
        browser.click(By.xpath("//button[normalize-space(.)='Verify the chain']")).awaitText("The chain is intact");
        browser.screenshot("audit");
    }

    @Test
    void refusalsAreMessagesAndFormsNeedTheirCsrfToken() {
        FindataProject project = FindataProject.ready("web-refusals-");
        String suffix = project.suffix();
        String workspaceId = project.workspaceId();
        Credentials stranger = system.tokens().user("stranger-" + suffix, "researcher").credentials();
        Credentials officer = system.tokens().user("officer-refusals-" + suffix, "permit-authority").credentials();

        // Someone else's workspace is "not found", as the API says, in the reader's language.
        browser.signIn(stranger).go("/workspaces/" + workspaceId);
        assertThat(browser.title()).startsWith("Not found");
        assertThat(browser.text()).contains("does not exist, or you do not have access to it", "is not visible to you");
        browser.screenshot("not-found");
        browser.follow("Suomi");
        assertThat(browser.title()).startsWith("Sivua ei löydy");
        browser.follow("English");

        // A form with invalid fields comes back with each message next to its field and a summary on top.
        browser.signIn(officer).go("/permits/new").fill("persons[0].userId", "someone").fill("persons[0].email", "not-an-address")
                .submit("/permits");
        assertThat(browser.text()).contains("There is a problem", "Enter a value", "Enter an e-mail address such as name@example.org");
        assertThat(browser.find(By.id("f-persons-0-email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("f-persons-0-email")).getAttribute("value")).isEqualTo("not-an-address");
        browser.screenshot("form-refused");
        assertNoTokenReadableByScripts();

        // A complete form posted without its CSRF token is refused before it reaches the API: no permit is made.
        String forged = "web-csrf-" + suffix;
        browser.go("/permits/new");
        fillFindataPermit("c" + suffix, forged, "someone-" + suffix);
        browser.script("document.querySelectorAll('input[name=\"csrf-token\"]').forEach(function (input) { input.remove(); })");
        browser.submit("/permits");
        assertThat(browser.title()).startsWith("The request could not be handled");
        assertThat(browser.text()).contains("without its security check");
        assertThat(api.asFindata().queryParam("projectId", forged).get("/permits").then().statusCode(200).extract().<List<Object>>path("$"))
                .isEmpty();
    }

    /**
     * The Findata route in the browser: the officer records a release and uploads its file with the progress bar; the
     * file is delivered into the desktop; the researcher opens the desktop in the page after the second factor, and
     * asks to export a result; two reviewers approve (one previews the file); the researcher downloads it where the
     * API offers downloads (a real request decides, and the skip is logged).
     */
    @Test
    void theFindataRouteFromReleaseUploadToDesktopAndExport() throws Exception {
        FindataProject project = FindataProject.ready("web-findata-");
        String suffix = project.suffix();
        String permitId = api.asFindata().queryParam("projectId", project.projectId()).get("/permits").then().statusCode(200)
                .extract().path("[0].id");
        Credentials officer = system.tokens().user("officer-route-" + suffix, "permit-authority").credentials();
        Credentials researcher = system.tokens().user(Api.RESEARCHER, "researcher").credentials();
        Credentials desk = system.tokens().user("desk-route-" + suffix, "service-desk").credentials();
        byte[] csv = Releases.csvWithMarker("WEB-" + suffix);
        String sha256 = Releases.sha256(csv);
        Path upload = Files.createTempFile("visits-", ".csv");
        Files.write(upload, csv);

        // The officer declares the release in the form (a file's SHA-256 reaches the API), then uploads it from the permit page.
        browser.signIn(officer).go("/permits/" + permitId + "/releases/new").fill("files[0].name", "visits.csv")
                .fill("files[0].sizeBytes", String.valueOf(csv.length)).fill("files[0].sha256", sha256).submit("/permits/" + permitId + "/releases");
        assertThat(browser.text()).contains("The data release was recorded.", "Files being uploaded");
        browser.find(By.cssSelector("form[data-upload] input[type=file]")).sendKeys(upload.toAbsolutePath().toString());
        browser.click(By.cssSelector("form[data-upload] button[type=submit]")).awaitText("Stored and verified");
        assertThat(browser.find(By.cssSelector("form[data-upload] progress")).getAttribute("value")).isEqualTo("100");
        browser.screenshot("release-uploaded");
        String releaseId = api.asFindata().get("/permits/{id}/releases", permitId).then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.is("RELEASED")).extract().path("[0].id");
        browser.go("/permits/" + permitId);
        assertThat(browser.text()).doesNotContain("Files being uploaded").contains("thl-avohilmo · Released");

        // The file is delivered into the project's desktops, as uploaded.
        await("the release is delivered").atMost(ASYNC).untilAsserted(() -> api.as(Api.RESEARCHER, "researcher")
                .get("/workspaces/{id}", project.workspaceId()).then().statusCode(200)
                .body("datasets.find { it.releaseId == '" + releaseId + "' }.delivery", org.hamcrest.Matchers.is("DELIVERED")));
        Path bound = system.desktopStateDirectory().resolve("releases").resolve(releaseId).resolve("visits.csv");
        assertThat(Releases.sha256(Files.readAllBytes(bound))).as("the uploaded file in the desktops").isEqualTo(sha256);

        // Inside the desktop, its own user reads the file with the SHA-256 uploaded.
        String desktopId = Flows.runningDesktop(api, project.workspaceId());
        long sandbox = LocalSandboxes.recordedSandboxPid(system, desktopId).orElseThrow();
        String uid = HostCommand.status(sandbox, "Uid:").split("\t")[0];
        String asTheDesktopsUser = "setpriv --reuid=" + uid + " --regid=" + uid + " --clear-groups ";
        HostCommand sum = HostCommand.inNamespaces(sandbox, "m", asTheDesktopsUser + "sha256sum /data/thl-avohilmo/" + releaseId + "/visits.csv");
        assertThat(sum.output()).as("read inside the sandbox by the desktop's uid").startsWith(sha256 + " ");

        // The researcher opens the desktop in the page: the second factor first, then the viewer embedded, connected.
        browser.signIn(researcher).go("/desktops/" + desktopId + "/open").press("Continue with the one-time code").secondFactor(researcher);
        browser.press("Open a session");
        assertThat(browser.find(By.id("desktop-frame")).getAttribute("src")).contains("/desktop/connect/");
        await("the viewer in the page connects").atMost(ASYNC)
                .until(() -> "connected".equals(browser.frameBodyAttribute(By.id("desktop-frame"), "data-state")));
        await("the desktop is painted in the page").atMost(ASYNC).until(() -> browser.frameCanvas(By.id("desktop-frame")).showsADesktop());
        browser.screenshot("desktop-in-page");

        // A result written in the desktop's /export by the desktop's own user; the researcher asks to export it. The service
        // desk previews it and approves, then Findata.
        String result = "municipality,visits\nHelsinki,1234\n";
        HostCommand written = HostCommand.inNamespaces(sandbox, "m",
                asTheDesktopsUser + "sh -c 'printf \"municipality,visits\\nHelsinki,1234\\n\" > /export/visits-by-municipality.csv'");
        assertThat(written.exit()).as(written.output()).isZero();
        assertThat(Files.readString(system.desktopStateDirectory().resolve("workspaces").resolve(project.workspaceId())
                .resolve("export/visits-by-municipality.csv"))).isEqualTo(result);
        browser.go("/workspaces/" + project.workspaceId() + "/exports/new").fill("files[0].path", "visits-by-municipality.csv")
                .choose("risk-HIGH").fill("riskAssessment", "Counts of at least 5 per cell.").fill("findataNotificationRef", "FD-2026-0042")
                .submit("/workspaces/" + project.workspaceId() + "/exports");
        assertThat(browser.text()).contains("The export was requested: its files are being copied for review.");
        browser.screenshot("export-requested");
        String export = browser.path().replaceAll("\\?.*", "");
        // The page follows the copy by itself, from "Copying files…" to the export awaiting review.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(browser.text()).contains("Submitted")
                .doesNotContain("Copying files…"));
        browser.signIn(desk).go(export);
        assertThat(browser.text()).contains("Preview", "Download");
        browser.follow("Preview");
        browser.screenshot("export-preview");
        browser.go(export).fillIn("/approve", "comment", "Aggregates only.").submit("/approve");
        browser.signIn(officer).go(export).fillIn("/approve", "comment", "Findata: anonymous at this level.").submit("/approve");
        assertThat(browser.text()).contains("Approved");

        // The researcher downloads the approved result through the web, byte for byte.
        browser.signIn(researcher).go(export);
        assertThat(browser.all(By.xpath("//a[starts-with(@href, '" + export + "/downloads/')]"))).hasSize(1);
        browser.screenshot("export-download");
        String href = browser.find(By.xpath("//a[starts-with(@href, '" + export + "/downloads/')]")).getAttribute("href");
        Object downloaded = browser.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                + " return x.status + ' ' + x.getResponseHeader('Content-Disposition') + ' ' + x.responseText;", href);
        assertThat(String.valueOf(downloaded)).startsWith("200 attachment").endsWith(" " + result);
    }

    /** A Findata permit naming {@link Api#RESEARCHER}, made through the API, and its workspace once ready. */
    private record FindataProject(String suffix, String projectId, String workspaceId) {

        static FindataProject ready(String prefix) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String projectId = prefix + suffix;
            api.grantFindataPermit(projectId);
            return new FindataProject(suffix, projectId, Flows.awaitWorkspace(api, projectId, "READY"));
        }
    }

    /** The permit form as Findata fills it, for one person. */
    private void fillFindataPermit(String suffix, String projectId, String person) {
        browser.fill("journalNumber", "THL/" + suffix + "/14.02.00/2026").fill("projectId", projectId)
                .fill("title", "Cardiometabolic risk in young adults").fill("purpose", "Register-based cohort study.")
                .fill("holder.organisation", "University of Helsinki").fill("holder.principalInvestigator", "Aino Virtanen")
                .fill("datasets[0].id", "thl-avohilmo").fill("datasets[0].controller", "THL").fill("datasets[0].title", "Avohilmo 2015-2024")
                .fill("persons[0].userId", person).fill("persons[0].name", "Mikko Korhonen").fill("persons[0].email", "mikko@example.org")
                .set("validFrom", system.today().toString()).set("validUntil", system.today().plusYears(1).toString())
                .fill("conditions", "Results only at aggregate level, n >= 5.");
    }

    /**
     * The session cookie and the CSRF cookie are HttpOnly, and the page's storage holds no token: nothing in
     * localStorage, and in sessionStorage only htmx's note of the page's own address (htmx keeps no page copies:
     * historyCacheSize 0).
     */
    private void assertNoTokenReadableByScripts() {
        String cookies = String.valueOf(browser.script("return document.cookie"));
        assertThat(cookies).doesNotContain("q_session", "q_auth", "sd_csrf", "eyJ");
        assertThat(browser.script("return Object.keys(window.localStorage)")).asList().isEmpty();
        assertThat(browser.script("return Object.keys(window.sessionStorage)")).asList().containsOnly("htmx-current-path-for-history");
        assertThat(browser.script("return window.sessionStorage.getItem('htmx-current-path-for-history')"))
                .isEqualTo(browser.path().replaceAll("#.*", ""));
    }
}
