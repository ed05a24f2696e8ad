package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.DatasetMount;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceCommand;
import fi.sd.desktop.domain.WorkspaceShred;
import fi.sd.desktop.repository.WorkspaceRepository;
import fi.sd.events.desktop.DeletedResource;
import fi.sd.events.desktop.WorkspacePurged;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.security.Caller;

/**
 * One batch of the purge job per transaction, recording for each workspace what its {@link WorkspaceShredRunner}
 * destroys outside the database after the commit, claimed with {@code FOR UPDATE SKIP LOCKED}: with
 * any number of replicas each workspace is purged, and announced, once.
 */
@ApplicationScoped
public class WorkspacePurgeService {

    private static final Logger LOG = Logger.getLogger(WorkspacePurgeService.class);

    private final WorkspaceRepository workspaces;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;
    private final DesktopService desktops;

    @Inject
    public WorkspacePurgeService(WorkspaceRepository workspaces, EntityManager em, Outbox outbox, Clock clock,
            AuditLog auditLog, DesktopService desktops) {
        this.workspaces = workspaces;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
        this.desktops = desktops;
    }

    /** Purges up to {@code limit} locked workspaces whose retention has ended; returns how many. */
    @Transactional
    public int purgeDue(int limit) {
        Instant now = clock.instant();
        List<String> ids = workspaces.claimDueForPurge(now, limit);
        for (String id : ids) {
            Workspace workspace = em.find(Workspace.class, id);
            workspace.apply(WorkspaceCommand.PURGE);
            workspace.updatedAt = now;
            List<DeletedResource> deleted = new ArrayList<>(desktops.purgeAllIn(workspace));
            WorkspaceShred shred = new WorkspaceShred();
            shred.workspaceId = workspace.id;
            shred.permitId = workspace.permitId;
            // Real time, as the leases and back-offs of the shred runner.
            shred.notBefore = Instant.now();
            shred.createdAt = now;
            for (DatasetMount mount : DatasetMount.ofPermit(workspace.permitId)) {
                mount.delete();
                shred.releaseIds.add(mount.releaseId);
                deleted.add(new DeletedResource("MOUNT", mount.releaseId, mount.mountPath, now));
            }
            // The keys and files go after the commit (WorkspaceShredRunner): never undone by a rollback of this transaction.
            shred.persist();
            // The deletion record: what was deleted and when, kept after the workspace's data is gone.
            auditLog.record(workspace.id, Caller.SYSTEM, "workspace.purged", "locked " + workspace.lockedAt + ", deleted "
                    + deleted.stream().map(r -> r.kind() + " " + r.id() + " " + r.name()).toList());
            outbox.publish(workspace.id, new WorkspacePurged(workspace.id, workspace.permitId, workspace.projectId, deleted, now));
            LOG.infof("Workspace %s purged (locked %s, retention ended %s)", id, workspace.lockedAt, workspace.purgeAfter);
        }
        return ids.size();
    }
}
