package fi.sd.desktop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.domain.ProviderAction;
import fi.sd.desktop.domain.ProviderCommand;
import fi.sd.desktop.domain.ProviderCommandStatus;
import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.desktop.provider.ServerRef;
import fi.sd.desktop.provider.ServerSpec;
import fi.sd.desktop.provider.ServerStatus;
import fi.sd.desktop.provider.SimulatedDesktopProvider;
import fi.sd.desktop.provider.SimulatedServer;
import fi.sd.desktop.api.DesktopRequest;
import fi.sd.platform.security.Caller;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cloud is asked only after the deciding transaction commits, one desktop's failing call holds up no other
 * desktop's, and the cloud's refusal of a build fails that desktop alone.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ProviderCommandsTest {

    @Inject
    DesktopService desktops;

    @Inject
    SimulatedDesktopProvider cloud;

    @Inject
    ProviderCommandRunner runner;

    @BeforeEach
    void aCloudThatFailsForSomeNames() {
        DesktopProviders failing = new DesktopProviders(null) {
            @Override
            public DesktopProvider active() {
                return new FailingFor(cloud);
            }
        };
        QuarkusMock.installMockForType(failing, DesktopProviders.class);
    }

    @AfterEach
    void noMoreCommandsOfTheseTests() {
        runner.runDue(1000);
    }

    @Test
    void aCreationThatRollsBackAsksTheCloudForNothing() {
        String aino = DesktopApi.person("aino");
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(aino)));
        Caller caller = new Caller(aino, Set.of(), Optional.empty(), true);

        QuarkusTransaction.begin();
        String desktopId = desktops.create(workspaceId, new DesktopRequest("rolled-back", "small", "ubuntu-22.04", 10), caller).id;
        QuarkusTransaction.rollback();
        runner.runDue(1000);

        assertThat(QuarkusTransaction.requiringNew().call(() -> ProviderCommand.ofDesktop(desktopId))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> SimulatedServer.count("desktopId", desktopId))).isZero();
    }

    @Test
    void aDesktopWhoseCloudCallFailsHoldsUpNoOtherAndARefusedBuildFailsItsDesktopAlone() {
        String aino = DesktopApi.person("aino");
        String token = DesktopApi.member(aino);
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(aino)));
        String flaky = DesktopApi.create(token, workspaceId, DesktopApi.desktop("flaky")).statusCode(202).extract().path("id");
        String refused = DesktopApi.create(token, workspaceId, DesktopApi.desktop("over-quota")).statusCode(202).extract().path("id");
        String fine = DesktopApi.create(token, workspaceId, DesktopApi.desktop("fine")).statusCode(202).extract().path("id");

        DesktopApi.awaitStatus(fine, "RUNNING");
        DesktopApi.awaitStatus(refused, "FAILED");
        DesktopApi.command(token, refused, "pause").statusCode(409);
        io.restassured.RestAssured.given().header("Authorization", token).when().get("/api/v1/desktops/" + refused)
                .then().body("error", containsString("Quota exceeded"));
        await().atMost(DesktopApi.TIMEOUT).untilAsserted(() -> {
            ProviderCommand create = QuarkusTransaction.requiringNew().call(() -> ProviderCommand.ofDesktop(flaky).get(0));
            assertThat(create.action).isEqualTo(ProviderAction.CREATE);
            assertThat(create.status).isEqualTo(ProviderCommandStatus.PENDING);
            assertThat(create.attempts).isGreaterThanOrEqualTo(1);
            assertThat(create.error).contains("the cloud's API timed out");
        });
        DesktopApi.awaitStatus(flaky, "CREATING");
    }

    /** The simulated cloud, but a build of a desktop named "flaky" times out and one named "over-quota" is refused. */
    private record FailingFor(DesktopProvider cloud) implements DesktopProvider {

        @Override
        public ServerRef create(ServerSpec spec) {
            if (spec.name().equals("flaky")) {
                throw new IllegalStateException("the cloud's API timed out");
            }
            if (spec.name().equals("over-quota")) {
                throw new ProviderException("Quota exceeded for instances");
            }
            return cloud.create(spec);
        }

        @Override
        public ServerStatus status(String serverId) {
            return cloud.status(serverId);
        }

        @Override
        public void pause(String serverId) {
            cloud.pause(serverId);
        }

        @Override
        public void unpause(String serverId) {
            cloud.unpause(serverId);
        }

        @Override
        public void reboot(String serverId) {
            cloud.reboot(serverId);
        }

        @Override
        public void stop(String serverId) {
            cloud.stop(serverId);
        }

        @Override
        public void start(String serverId) {
            cloud.start(serverId);
        }

        @Override
        public void delete(String serverId) {
            cloud.delete(serverId);
        }

        @Override
        public void attachData(String serverId, List<DataAttachment> data) {
            cloud.attachData(serverId, data);
        }

        @Override
        public void deliverReleaseFile(DataAttachment release, DataAttachment.File file, InputStream content) {
            cloud.deliverReleaseFile(release, file, content);
        }

        @Override
        public void deliverImportFile(String workspaceId, String importId, DataAttachment.File file, InputStream content) {
            cloud.deliverImportFile(workspaceId, importId, file, content);
        }

        @Override
        public ExportedContent openExportedFile(String workspaceId, String path) {
            return cloud.openExportedFile(workspaceId, path);
        }

        @Override
        public void eraseWorkspaceData(String workspaceId, List<String> releaseIds) {
            cloud.eraseWorkspaceData(workspaceId, releaseIds);
        }

        @Override
        public Path consoleSocket(String serverId) {
            return cloud.consoleSocket(serverId);
        }
    }
}
