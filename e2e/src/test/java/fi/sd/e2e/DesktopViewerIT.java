package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import fi.sd.e2e.browser.ViewerCanvas;
import fi.sd.testsupport.browser.HeadlessChromium;

/**
 * The desktop in a real browser: a researcher's desktop is RUNNING within 10 seconds of being asked for, a
 * session's connect URL shows it in headless Chromium (the viewer's canvas shows the desktop: many colours,
 * the terminal's light window on the dark screen), and revoking the permit closes the viewer's WebSocket
 * within a second of the session's end (the lock the revocation causes) and stops the sandbox.
 */
class DesktopViewerIT extends SystemTest {

    /** Where the screenshot of the viewer is written (docs/images/desktop-viewer.png is one of these). */
    static final Path SCREENSHOT = Path.of("target", "desktop-viewer.png");

    @Test
    void aSessionsConnectUrlShowsTheDesktopInTheBrowserAndRevocationClosesIt() throws IOException {
        String projectId = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        String permitId = api.grantFindataPermit(projectId);
        Releases.deliver(api::asFindata, permitId, "thl-avohilmo", Releases.visits());
        String workspaceId = Flows.awaitWorkspace(api, projectId, "READY");

        Instant asked = Instant.now();
        String desktopId = api.as(Api.RESEARCHER, "researcher")
                .body(Map.of("name", "analysis", "flavour", "small", "image", "ubuntu-22.04", "volumeGb", 50))
                .post("/workspaces/{id}/desktops", workspaceId).then().statusCode(202).extract().path("id");
        await("the desktop runs within 10 s").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> api.as(Api.RESEARCHER, "researcher").get("/desktops/{id}", desktopId)
                        .then().statusCode(200).body("status", is("RUNNING")));
        System.out.printf("Desktop %s RUNNING %d ms after it was asked for%n", desktopId, Duration.between(asked, Instant.now()).toMillis());
        String connectUrl = api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId)
                .then().statusCode(201).extract().path("connectUrl");
        assertThat(connectUrl).startsWith(system.gatewayUrl().replace("127.0.0.1", "localhost") + "/desktop/connect/");

        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 900)) {
            ChromeDriver browser = chromium.driver();
            browser.get(connectUrl);
            assertThat(browser.getCurrentUrl()).as("the one-use token leaves the address bar").doesNotContain("token=");
            await("the viewer connects").atMost(Duration.ofSeconds(20))
                    .until(() -> "connected".equals(browser.findElement(By.tagName("body")).getAttribute("data-state")));
            WebElement canvas = browser.findElement(By.cssSelector("#screen canvas"));
            await("the canvas shows the desktop").atMost(Duration.ofSeconds(20)).until(() -> ViewerCanvas.sample(browser).showsADesktop());
            ViewerCanvas shown = ViewerCanvas.sample(browser);
            assertThat(shown.width()).isGreaterThan(600);
            assertThat(shown.colours()).as("distinct colours sampled").isGreaterThan(2);
            assertThat(shown.lightShare()).as("the terminal's light window").isBetween(0.05, 0.95);
            Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
            Files.write(SCREENSHOT, canvas.getScreenshotAs(OutputType.BYTES));

            Instant revoked = Instant.now();
            api.asFindata().body(Map.of("reason", "Data used beyond the permit's purpose."))
                    .post("/permits/{id}/revocation", permitId).then().statusCode(200);
            await("the viewer's WebSocket is closed").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "closed".equals(browser.findElement(By.tagName("body")).getAttribute("data-state")));
            WebElement body = browser.findElement(By.tagName("body"));
            Instant closedInBrowser = Instant.ofEpochMilli(Long.parseLong(body.getAttribute("data-closed-at")));
            // 4001 when the bridge saw the session end first, 4002 when the lock's stop ended the desktop's console first.
            assertThat(body.getAttribute("data-close-code")).isIn("4001", "4002");
            List<Map<String, Object>> sessions = api.as("auditor", "auditor").queryParam("workspaceId", workspaceId)
                    .get("/audit").then().statusCode(200).extract().jsonPath().getList("findAll { it.action == 'session.closed' }");
            Instant sessionEnded = Instant.parse((String) sessions.get(0).get("occurredAt")).minus(system.clockOffset());
            System.out.printf("Revocation -> viewer closed: %d ms; session ended -> viewer closed: %d ms%n",
                    Duration.between(revoked, closedInBrowser).toMillis(), Duration.between(sessionEnded, closedInBrowser).toMillis());
            // The session's end closes the viewer within a second; the revocation's way to the lock before it (permit-service's
            // outbox, the broker, desktop-service's consumer) is bin/sd bench's "revocation propagation", printed here only.
            assertThat(Duration.between(sessionEnded, closedInBrowser)).isLessThan(Duration.ofSeconds(1));
        }
        await("the sandbox is stopped").atMost(Duration.ofSeconds(10))
                .until(() -> LocalSandboxes.processesOf(system, desktopId).isEmpty());
        api.as(Api.RESEARCHER, "researcher").get("/desktops/{id}", desktopId).then().statusCode(200).body("status", is("STOPPED"));
        api.as("auditor", "auditor").queryParam("workspaceId", workspaceId).queryParam("size", 200).get("/audit").then()
                .statusCode(200).body("action", hasItems("session.connected", "session.disconnected", "desktop.stopped"));
    }
}
