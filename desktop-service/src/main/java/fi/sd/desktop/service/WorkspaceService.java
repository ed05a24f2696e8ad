package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.DatasetMount;
import fi.sd.desktop.domain.DeclaredFile;
import fi.sd.desktop.domain.Entitlement;
import fi.sd.desktop.domain.PermitEnd;
import fi.sd.desktop.domain.ReleaseDelivery;
import fi.sd.desktop.domain.Staff;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceCommand;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.events.PermitRoute;
import fi.sd.events.PersonRef;
import fi.sd.events.apply.AccessGranted;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.events.desktop.LockReason;
import fi.sd.events.desktop.WorkspaceLocked;
import fi.sd.events.desktop.WorkspaceProvisioned;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.repository.QueryFilter;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/** Opens a workspace for each permit and answers who may see it. */
@ApplicationScoped
public class WorkspaceService {

    private static final Logger LOG = Logger.getLogger(WorkspaceService.class);

    private final Clock clock;
    private final Outbox outbox;
    private final DesktopConfig config;
    private final AuditLog auditLog;
    private final Event<WorkspaceLockdown> lockdown;
    private final Event<LeasedJobs.ReleaseRecorded> deliveryRecorded;

    @Inject
    public WorkspaceService(Clock clock, Outbox outbox, DesktopConfig config, AuditLog auditLog, Event<WorkspaceLockdown> lockdown,
            Event<LeasedJobs.ReleaseRecorded> deliveryRecorded) {
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
        this.auditLog = auditLog;
        this.lockdown = lockdown;
        this.deliveryRecorded = deliveryRecorded;
    }

    /** Opens the permit's workspace with its persons as members; a permit has one workspace, whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace openFor(PermitSnapshot permit) {
        Optional<Workspace> existing = Workspace.findByPermit(permit.permitId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Workspace workspace = new Workspace();
        workspace.id = UUID.randomUUID().toString();
        workspace.permitId = permit.permitId();
        workspace.projectId = permit.projectId();
        workspace.route = permit.route();
        workspace.status = WorkspaceStatus.PROVISIONING;
        permit.persons().stream().map(PersonRef::userId).forEach(workspace.members::add);
        workspace.validUntil = permit.validUntil();
        workspace.createdAt = now;
        workspace.updatedAt = now;
        workspace.persist();
        auditLog.record(workspace.id, Caller.SYSTEM, "workspace.opened",
                "permit " + permit.permitId() + ", project " + permit.projectId() + ", members " + workspace.members);
        // Nothing is built outside this service yet, so the workspace is ready as soon as it is recorded.
        workspace.apply(WorkspaceCommand.COMPLETE_PROVISIONING);
        outbox.publish(workspace.id, new WorkspaceProvisioned(workspace.id, workspace.permitId, workspace.projectId,
                List.copyOf(workspace.members), now));
        LOG.infof("Workspace %s opened for permit %s", workspace.id, permit.permitId());
        PermitEnd.<PermitEnd>findByIdOptional(permit.permitId()).ifPresent(end -> lock(workspace, end.reason));
        return workspace;
    }

    /**
     * Follows the permit's new version: its persons and validity. An extension that arrives while
     * the workspace is locked (and not yet purged) unlocks it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace amend(PermitSnapshot permit) {
        Optional<Workspace> existing = Workspace.findByPermit(permit.permitId());
        if (existing.isEmpty()) {
            // The amendment overtook the grant: the amended permit is the one the workspace is for.
            return openFor(permit);
        }
        Workspace workspace = existing.get();
        workspace.apply(WorkspaceCommand.AMEND);
        Set<String> before = Set.copyOf(workspace.members);
        workspace.members.clear();
        permit.persons().stream().map(PersonRef::userId).forEach(workspace.members::add);
        if (!before.equals(Set.copyOf(workspace.members))) {
            auditLog.record(workspace.id, Caller.SYSTEM, "workspace.members.changed",
                    "permit " + permit.permitId() + " version " + permit.version() + ": members " + before + " -> " + workspace.members);
        }
        workspace.validUntil = permit.validUntil();
        if (workspace.status == WorkspaceStatus.LOCKED && !permit.validUntil().isBefore(LocalDate.now(clock))) {
            workspace.apply(WorkspaceCommand.UNLOCK);
            workspace.lockedAt = null;
            workspace.purgeAfter = null;
            auditLog.record(workspace.id, Caller.SYSTEM, "workspace.unlocked", "permit extended to " + permit.validUntil());
            LOG.infof("Workspace %s unlocked: permit %s extended to %s", workspace.id, permit.permitId(), permit.validUntil());
        }
        workspace.updatedAt = clock.instant();
        return workspace;
    }

    /** Stops all work in the permit's workspace and schedules its purge after the retention period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Workspace> lock(String permitId, LockReason reason) {
        Optional<Workspace> found = Workspace.findByPermit(permitId);
        if (found.isEmpty() && PermitEnd.findById(permitId) == null) {
            // The end overtook the grant: remembered, so that the workspace opens locked.
            PermitEnd end = new PermitEnd();
            end.permitId = permitId;
            end.reason = reason;
            end.endedAt = clock.instant();
            end.persist();
        }
        found.filter(w -> Workspace.LIFECYCLE.allows(w.status, WorkspaceCommand.LOCK)).ifPresent(w -> lock(w, reason));
        return found;
    }

    private void lock(Workspace workspace, LockReason reason) {
        Instant now = clock.instant();
        workspace.apply(WorkspaceCommand.LOCK);
        workspace.lockedAt = now;
        workspace.purgeAfter = now.plus(config.retention());
        workspace.updatedAt = now;
        auditLog.record(workspace.id, Caller.SYSTEM, "workspace.locked", reason + ", purge after " + workspace.purgeAfter);
        outbox.publish(workspace.id, new WorkspaceLocked(workspace.id, workspace.permitId, workspace.projectId, reason,
                workspace.purgeAfter, now));
        // Sessions, desktops and the airlock stop in the lock's transaction: once LOCKED, nothing in it runs.
        lockdown.fire(new WorkspaceLockdown(workspace, reason, now));
        LOG.infof("Workspace %s locked (%s), purge after %s", workspace.id, reason, workspace.purgeAfter);
    }

    /**
     * Mounts a release read-only, once however often it is delivered. Mounts belong to the permit,
     * so a release that arrives before the workspace shows in it once it opens. Its stored files are
     * delivered to the desktops after the commit ({@link ReleaseDeliveryRunner}), never in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DatasetMount mount(DataReleased release) {
        DatasetMount existing = DatasetMount.findById(release.releaseId());
        if (existing != null) {
            return existing;
        }
        DatasetMount mount = new DatasetMount();
        mount.releaseId = release.releaseId();
        mount.permitId = release.permitId();
        mount.datasetId = release.datasetId();
        mount.mountPath = "/data/" + release.datasetId() + "/" + release.releaseId();
        mount.mountedAt = clock.instant();
        release.files().forEach(f -> mount.files.add(new DeclaredFile(f.name(), f.sizeBytes(), f.sha256(), f.storageKey())));
        if (mount.files.stream().anyMatch(f -> f.storageKey != null)) {
            mount.delivery = ReleaseDelivery.PENDING;
            // Real time, as the leases and back-offs of the delivery runner.
            mount.deliveryNotBefore = Instant.now();
            deliveryRecorded.fire(new LeasedJobs.ReleaseRecorded());
        }
        mount.persist();
        auditLog.record(workspaceIdOf(release.permitId()), Caller.SYSTEM, "mount.added", "release " + mount.releaseId + " of "
                + mount.datasetId + " under permit " + mount.permitId + " at " + mount.mountPath + " (read-only)");
        LOG.infof("Release %s of %s mounted at %s for permit %s", mount.releaseId, mount.datasetId, mount.mountPath, mount.permitId);
        return mount;
    }

    /** The workspaces the caller may see, optionally of one status or project, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<Workspace> list(Caller caller, Optional<WorkspaceStatus> status, Optional<String> projectId, PageRequest paging) {
        QueryFilter filter = new QueryFilter();
        if (!seesAll(caller)) {
            filter.and(":member member of w.members", "member", caller.subject());
        }
        filter.andIfPresent("w.status = :status", "status", status)
                .andIfPresent("w.projectId = :projectId", "projectId", projectId);
        PanacheQuery<Workspace> query = Workspace.find("from Workspace w" + filter.whereClause(),
                Sort.descending("createdAt").and("id"), filter.parameters());
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /** Records that a user's entitlement to a dataset began ({@link #change}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entitle(AccessGranted granted) {
        change(granted.permitId(), granted.userId(), granted.datasetId(), EntitlementChange.GRANTED, granted.occurredAt());
    }

    /** Records that a user's entitlement to a dataset ended ({@link #change}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endEntitlement(AccessRevoked revoked) {
        change(revoked.permitId(), revoked.userId(), revoked.datasetId(), EntitlementChange.ENDED, revoked.occurredAt());
    }

    /** An entitlement beginning or ending, and the audit log's name for it. */
    private enum EntitlementChange {
        GRANTED("entitlement.granted"),
        ENDED("entitlement.ended");

        private final String auditAction;

        EntitlementChange(String auditAction) {
            this.auditAction = auditAction;
        }
    }

    /**
     * Facts about entitlements may come in any order, before the workspace or the release: the one that
     * happened last wins.
     */
    private void change(String permitId, String userId, String datasetId, EntitlementChange change, Instant occurredAt) {
        Entitlement entitlement = Entitlement.of(permitId, userId, datasetId).orElseGet(() -> {
            Entitlement created = new Entitlement();
            created.permitId = permitId;
            created.userId = userId;
            created.datasetId = datasetId;
            return created;
        });
        if (entitlement.changedAt != null && entitlement.changedAt.isAfter(occurredAt)) {
            return;
        }
        entitlement.active = change == EntitlementChange.GRANTED;
        entitlement.changedAt = occurredAt;
        entitlement.persist();
        auditLog.record(workspaceIdOf(permitId), Caller.SYSTEM, change.auditAction, userId + " to " + datasetId + " under permit "
                + permitId);
        LOG.infof("Entitlement of %s to %s under permit %s %s", userId, datasetId, permitId, change.name().toLowerCase());
    }

    /** The mounts the caller sees: on a register permit a member sees only the datasets they are entitled to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DatasetMount> mountsVisibleTo(Workspace workspace, Caller caller) {
        List<DatasetMount> mounts = DatasetMount.ofPermit(workspace.permitId);
        if (workspace.route != PermitRoute.REGISTER || seesAll(caller)) {
            return mounts;
        }
        Set<String> entitled = Entitlement.activeDatasets(workspace.permitId, caller.subject());
        return mounts.stream().filter(m -> entitled.contains(m.datasetId)).toList();
    }

    /** The workspace if the caller may see it; a refusal of an existing one is audited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Workspace> find(String id, Caller caller) {
        Optional<Workspace> found = Workspace.findByIdOptional(id);
        if (found.isPresent() && !found.get().visibleTo(caller)) {
            auditLog.recordDenial(id, caller.subject(), "workspace.access.denied", "not a member");
            return Optional.empty();
        }
        return found;
    }

    /** Facts may be recorded before the permit's workspace exists: then the entry names only the permit. */
    private static String workspaceIdOf(String permitId) {
        return Workspace.findByPermit(permitId).map(w -> w.id).orElse(null);
    }

    private static boolean seesAll(Caller caller) {
        return Staff.includes(caller);
    }
}
