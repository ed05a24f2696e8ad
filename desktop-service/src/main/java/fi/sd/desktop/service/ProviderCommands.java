package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.ProviderAction;
import fi.sd.desktop.domain.ProviderCommand;
import fi.sd.desktop.domain.ProviderCommandStatus;

/**
 * Records what the cloud is to do with a desktop, in the caller's transaction: nothing reaches the
 * cloud unless that transaction commits, and then the {@link ProviderCommandRunner} carries it out
 * outside any transaction (nudged at once after the commit, or by its job on any replica).
 */
@ApplicationScoped
public class ProviderCommands {

    /** Fired in the transaction that recorded commands; observed after it commits. */
    public record Recorded() {
    }

    private final Clock clock;
    private final Event<Recorded> recorded;

    @Inject
    public ProviderCommands(Clock clock, Event<Recorded> recorded) {
        this.clock = clock;
        this.recorded = recorded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ProviderCommand record(Desktop desktop, ProviderAction action) {
        ProviderCommand command = new ProviderCommand();
        command.desktopId = desktop.id;
        command.action = action;
        command.status = ProviderCommandStatus.PENDING;
        command.attempts = 0;
        // Leases and back-offs are in real time: the platform clock may be moved (bin/sd demo, the tests), real work is not.
        command.notBefore = Instant.now();
        command.createdAt = clock.instant();
        command.persist();
        recorded.fire(new Recorded());
        return command;
    }
}
