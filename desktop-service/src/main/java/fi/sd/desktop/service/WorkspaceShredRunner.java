package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.ShreddedObject;
import fi.sd.desktop.domain.WorkspaceShred;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.repository.WorkspaceRepository;
import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectEntry;
import fi.sd.storage.ShredReport;

/**
 * Carries out what a purge recorded ({@link WorkspaceShred}) after its commit, with no transaction open: the
 * permit's workspace keys destroyed and its objects deleted ({@link EncryptedObjectStore#shred}: nothing of the
 * permit can be decrypted from then on, wherever copies are), and the decrypted copies of its releases and its
 * import and export folders removed from the desktops' hosts. Both are safe to repeat, so a shred whose runner died
 * is simply run again; a failure (the object store out of reach) is retried with a growing back-off until it
 * succeeds. The outcome, the deletion record's storage part, is kept on the shred and summarised in the audit log
 * as {@code workspace.shredded}.
 */
@ApplicationScoped
public class WorkspaceShredRunner {

    private static final Logger LOG = Logger.getLogger(WorkspaceShredRunner.class);
    private static final int MAX_TEXT = 4000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final WorkspaceRepository workspaces;
    private final EntityManager em;
    private final EncryptedObjectStore store;
    private final DesktopProviders providers;
    private final DesktopConfig.Provider config;
    private final Clock clock;
    private final AuditLog auditLog;

    @Inject
    public WorkspaceShredRunner(WorkspaceRepository workspaces, EntityManager em, EncryptedObjectStore store, DesktopProviders providers,
            DesktopConfig config, Clock clock, AuditLog auditLog) {
        this.workspaces = workspaces;
        this.em = em;
        this.store = store;
        this.providers = providers;
        this.config = config.provider();
        this.clock = clock;
        this.auditLog = auditLog;
    }

    record Claimed(String workspaceId, String permitId, List<String> releaseIds) {
    }

    /** Carries out up to {@code limit} due shreds; returns how many were claimed. */
    public int runDue(int limit) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        claimed.forEach(this::shred);
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        // Real time for leases and back-offs, as for provider commands.
        Instant now = Instant.now();
        return workspaces.claimDueShreds(now, limit).stream().map(id -> {
            WorkspaceShred shred = em.find(WorkspaceShred.class, id);
            shred.attempts++;
            shred.notBefore = now.plus(config.commandLease());
            return new Claimed(shred.workspaceId, shred.permitId, shred.releaseIds.stream().sorted().toList());
        }).toList();
    }

    private void shred(Claimed claimed) {
        try {
            ShredReport report = store.shred(claimed.permitId());
            providers.active().eraseWorkspaceData(claimed.workspaceId(), claimed.releaseIds());
            QuarkusTransaction.requiringNew().run(() -> done(claimed, report));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Workspace %s: its keys and files could not be destroyed now; tried again later", claimed.workspaceId());
            QuarkusTransaction.requiringNew().run(() -> later(claimed, String.valueOf(e.getMessage())));
        }
    }

    private void done(Claimed claimed, ShredReport report) {
        WorkspaceShred shred = em.find(WorkspaceShred.class, claimed.workspaceId());
        if (shred.doneAt != null) {
            // Another runner took it over after this one's lease ran out, and finished first.
            return;
        }
        shred.doneAt = clock.instant();
        shred.error = null;
        shred.destroyedKeyIds.addAll(report.destroyedKeyIds());
        report.deletedObjects().forEach(o -> shred.deletedObjects.add(new ShreddedObject(o.path(), o.storedBytes())));
        auditLog.record(claimed.workspaceId(), Caller.SYSTEM, "workspace.shredded", describe(claimed, report));
        LOG.infof("Workspace %s: permit %s's %d key(s) destroyed, %d object(s) deleted (%d bytes), %d release copy(ies) removed",
                claimed.workspaceId(), claimed.permitId(), report.destroyedKeyIds().size(), report.deletedObjects().size(),
                report.deletedBytes(), claimed.releaseIds().size());
    }

    /** The deletion record's storage part, in the audit log's room: the objects that fit are named, the rest counted. */
    static String describe(Claimed claimed, ShredReport report) {
        StringBuilder text = new StringBuilder("permit ").append(claimed.permitId()).append(": workspace keys ")
                .append(report.destroyedKeyIds()).append(" destroyed; releases ").append(claimed.releaseIds())
                .append(" and the workspace's imports and export removed from the desktops' hosts; ")
                .append(report.deletedObjects().size()).append(" object(s) deleted (").append(report.deletedBytes()).append(" bytes)");
        List<ObjectEntry> objects = report.deletedObjects();
        for (int i = 0; i < objects.size(); i++) {
            String entry = (i == 0 ? ": " : ", ") + objects.get(i).path() + " (" + objects.get(i).storedBytes() + " bytes)";
            String rest = " and " + (objects.size() - i) + " more";
            if (text.length() + entry.length() + rest.length() > MAX_TEXT) {
                return text.append(rest).toString();
            }
            text.append(entry);
        }
        return text.toString();
    }

    private void later(Claimed claimed, String error) {
        WorkspaceShred shred = em.find(WorkspaceShred.class, claimed.workspaceId());
        if (shred.doneAt != null) {
            return;
        }
        shred.notBefore = Instant.now().plus(Backoff.after(shred.attempts, MAX_BACKOFF));
        shred.error = error.length() > MAX_TEXT ? error.substring(0, MAX_TEXT) : error;
    }
}
