package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A {@code kill -9} of desktop-service leaves no orphan: its desktops' sandboxes end with it (the kernel ends
 * them with the thread that started them), and the restarted service finds its running desktops, reports each
 * as crashed in the audit log and restarts it with its home, ending the sessions the crash cut off.
 */
class DesktopRecoveryIT extends SystemTest {

    @Test
    void afterAKill9TheSandboxesAreGoneAndTheRestartedServiceRestartsAndReportsItsDesktops() {
        String projectId = "recovery-" + UUID.randomUUID().toString().substring(0, 8);
        api.grantFindataPermit(projectId);
        String workspaceId = Flows.awaitWorkspace(api, projectId, "READY");
        String desktopId = Flows.runningDesktop(api, workspaceId);
        String sessionId = api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId)
                .then().statusCode(201).extract().path("sessionId");
        long sandbox = LocalSandboxes.recordedSandboxPid(system, desktopId).orElseThrow();
        List<Long> processes = LocalSandboxes.processesOf(system, desktopId);
        assertThat(processes).hasSizeGreaterThanOrEqualTo(4);

        ServiceProcess desktopService = system.service(E2eSystem.DESKTOP);
        desktopService.kill();
        await("the sandbox's processes end with the service").atMost(Duration.ofSeconds(5))
                .until(() -> processes.stream().allMatch(LocalSandboxes::ended));

        desktopService.start();
        await("the restarted service restarts the desktop").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> LocalSandboxes.recordedSandboxPid(system, desktopId).filter(pid -> pid != sandbox)
                        .filter(pid -> ProcessHandle.of(pid).isPresent()).isPresent()
                        && "RUNNING".equals(api.as(Api.RESEARCHER, "researcher").get("/desktops/{id}", desktopId).path("status")));
        api.as(Api.RESEARCHER, "researcher").get("/sessions/{id}", sessionId).then().statusCode(200)
                .body("status", is("CLOSED")).body("closeReason", is("desktop restarted after a crash"));
        api.as("auditor", "auditor").queryParam("workspaceId", workspaceId).queryParam("size", 200).get("/audit").then()
                .statusCode(200).body("action", hasItem("desktop.crashed"));
        String again = api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(201)
                .extract().path("sessionId");
        api.withMfa(Api.RESEARCHER, "researcher").delete("/sessions/{id}", again).then().statusCode(204);
    }
}
