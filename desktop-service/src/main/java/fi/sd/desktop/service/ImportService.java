package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockImport;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.rest.ImportRequest;
import fi.sd.desktop.rest.ImportView;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Imports into a workspace: a member asks, the service desk decides and brings the software or data in. */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Clock clock;
    private final Outbox outbox;
    private final AirlockAccess access;
    private final EntityManager em;
    private final AuditLog auditLog;

    @Inject
    public ImportService(Clock clock, Outbox outbox, AirlockAccess access, EntityManager em, AuditLog auditLog) {
        this.clock = clock;
        this.outbox = outbox;
        this.access = access;
        this.em = em;
        this.auditLog = auditLog;
    }

    @Transactional
    public ImportView request(String workspaceId, ImportRequest body, Caller caller) {
        Workspace workspace = access.requestableBy(workspaceId, caller, false);
        Instant now = clock.instant();
        AirlockImport request = new AirlockImport();
        request.open(UUID.randomUUID().toString(), workspace, caller.subject(), now);
        request.kind = body.kind();
        request.description = body.description().strip();
        request.status = ImportStatus.SUBMITTED;
        request.persist();
        auditLog.record(workspace.id, caller.subject(), "import.requested", "import " + request.id + " (" + request.kind + "): "
                + request.description);
        outbox.publish(workspace.id, new ImportRequested(request.id, workspace.id, workspace.permitId, request.kind,
                request.description, request.requestedBy, now));
        LOG.infof("Import %s (%s) requested by %s for workspace %s", request.id, request.kind, request.requestedBy, workspace.id);
        return AirlockMapper.toView(request);
    }

    /** Runs a command of {@link AirlockImport#RULES}: 404 if the caller may not see the import, 403 or 409 as the table says. */
    @Transactional
    public ImportView decide(String id, ImportCommand command, String comment, Caller caller) {
        AirlockImport request = find(id, caller);
        if (command != ImportCommand.CANCEL && AirlockRole.reviewsOwnRequest(caller, request.requestedBy)) {
            auditLog.recordDenial(request.workspaceId, caller.subject(), "import.review.refused",
                    "import " + request.id + ": '" + command.path() + "' by its own requester");
            throw ProblemException.forbidden(
                    "Two-person rule: you requested this import, so another service desk member must decide it");
        }
        Set<AirlockRole> roles = AirlockRole.of(caller, request.requestedBy);
        AirlockImport.RULES.authorize(roles, request.status, command);
        AirlockRole role = roles.contains(AirlockRole.SERVICE_DESK) && command != ImportCommand.CANCEL ? AirlockRole.SERVICE_DESK
                : AirlockRole.REQUESTER;
        Instant now = clock.instant();
        AirlockDecision decision = AirlockDecision.of(command, caller.subject(), role.label(),
                AirlockAccess.comment(comment, command == ImportCommand.REJECT), now);
        request.apply(command, decision);
        auditLog.record(request.workspaceId, caller.subject(), command.auditAction(),
                AirlockAccess.auditDetail("import", request.id, decision));
        if (request.status == ImportStatus.COMPLETED) {
            outbox.publish(request.workspaceId, new ImportCompleted(request.id, request.workspaceId, request.permitId, request.kind,
                    caller.subject(), now));
        }
        // Optimistic locking: a concurrent decision on the same import fails here with 409, not at commit.
        em.flush();
        LOG.infof("Import %s: %s by %s, now %s", request.id, command.path(), caller.subject(), request.status);
        return AirlockMapper.toView(request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AirlockImport find(String id, Caller caller) {
        return AirlockImport.<AirlockImport>findByIdOptional(id)
                .filter(r -> AirlockAccess.mayRead(Workspace.<Workspace>findById(r.workspaceId).members.contains(caller.subject()),
                        caller, false))
                .orElseThrow(() -> ProblemException.notFound("Import", id));
    }

    /** The workspace's imports, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockImport> ofWorkspace(String workspaceId, Caller caller, PageRequest paging) {
        Workspace workspace = access.visibleTo(workspaceId, caller, false);
        PanacheQuery<AirlockImport> query = AirlockImport.find("workspaceId", Sort.descending("requestedAt").and("id"), workspace.id);
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /**
     * The service desk's queue: imports of every workspace in the given states (all when none), oldest
     * request first. The service desk, auditors and admins only (403 for anyone else).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockImport> queue(Caller caller, Collection<ImportStatus> states, PageRequest paging) {
        if (!caller.hasAny(Role.SERVICE_DESK, Role.AUDITOR, Role.ADMIN)) {
            throw ProblemException.forbidden("Only the service desk, auditors and admins see the import queue");
        }
        return AirlockAccess.queue(states, AirlockImport.findAll(AirlockAccess.OLDEST_FIRST),
                given -> AirlockImport.find("status in ?1", AirlockAccess.OLDEST_FIRST, given), paging);
    }

    /** Nothing comes into a locked workspace: what the service desk has not brought in yet is cancelled. */
    void onLockdown(@Observes WorkspaceLockdown lockdown) {
        for (AirlockImport request : AirlockImport.pendingIn(lockdown.workspace().id)) {
            AirlockDecision decision = AirlockDecision.of(ImportCommand.CANCEL, Caller.SYSTEM, Caller.SYSTEM,
                    "Workspace locked: " + lockdown.reason(), lockdown.lockedAt());
            request.apply(ImportCommand.CANCEL, decision);
            auditLog.record(request.workspaceId, Caller.SYSTEM, ImportCommand.CANCEL.auditAction(),
                    AirlockAccess.auditDetail("import", request.id, decision));
            LOG.infof("Import %s cancelled: workspace %s locked", request.id, request.workspaceId);
        }
    }
}
