package fi.sd.desktop.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The simulated cloud behaves as Nova does: states that settle on the clock, refusals in the wrong state, a core quota. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class SimulatedDesktopProviderTest {

    @Inject
    SimulatedDesktopProvider cloud;

    @Inject
    DesktopProviders providers;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theDefaultKindIsTheSimulatedCloud() {
        assertThat(providers.active()).isInstanceOf(SimulatedDesktopProvider.class);
    }

    @Test
    void aServerBuildsPausesStopsStartsAndIsDeletedOnTheClock() {
        String serverId = inTransaction(() -> cloud.create(spec("sim", 6)).serverId());

        TestClock.INSTANCE.advance(Duration.ofSeconds(1));
        assertThat(state(serverId)).isEqualTo(ServerState.ACTIVE);
        QuarkusTransaction.requiringNew().run(() -> cloud.pause(serverId));
        assertThat(state(serverId)).isEqualTo(ServerState.PAUSED);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> cloud.pause(serverId)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("PAUSED");
        QuarkusTransaction.requiringNew().run(() -> cloud.unpause(serverId));
        // A stop overrides a reboot, whether or not it has finished.
        QuarkusTransaction.requiringNew().run(() -> cloud.reboot(serverId));
        QuarkusTransaction.requiringNew().run(() -> cloud.stop(serverId));
        assertThat(state(serverId)).isEqualTo(ServerState.SHUTOFF);
        QuarkusTransaction.requiringNew().run(() -> cloud.start(serverId));
        assertThat(state(serverId)).isEqualTo(ServerState.ACTIVE);

        QuarkusTransaction.requiringNew().run(() -> cloud.delete(serverId));
        TestClock.INSTANCE.advance(Duration.ofSeconds(1));
        assertThat(state(serverId)).isEqualTo(ServerState.DELETED);
        assertThat(state(UUID.randomUUID().toString())).isEqualTo(ServerState.DELETED);
    }

    @Test
    void aBuildWithNoValidHostEndsInErrorWithNovasFault() {
        String serverId = inTransaction(() -> cloud.create(spec("big-no-host", 20)).serverId());
        TestClock.INSTANCE.advance(Duration.ofSeconds(1));
        ServerStatus status = QuarkusTransaction.requiringNew().call(() -> cloud.status(serverId));
        assertThat(status.state()).isEqualTo(ServerState.ERROR);
        assertThat(status.fault()).contains(SimulatedDesktopProvider.NO_VALID_HOST);
    }

    @Test
    void aBuildBeyondTheCoreQuotaIsRefused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> cloud.create(spec("huge", 200_000))))
                .isInstanceOf(ProviderException.class).hasMessageContaining("Quota exceeded for cores");
    }

    private ServerState state(String serverId) {
        return QuarkusTransaction.requiringNew().call(() -> cloud.status(serverId)).state();
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static ServerSpec spec(String name, int cores) {
        return new ServerSpec(UUID.randomUUID().toString(), UUID.randomUUID().toString(), name, "small", cores, 15, "ubuntu-22.04", 50,
                List.of());
    }
}
