package fi.sd.desktop.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.AirlockCommand;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockFilesDiscarded;
import fi.sd.desktop.domain.AirlockImport;
import fi.sd.desktop.domain.AirlockKind;
import fi.sd.desktop.domain.AirlockRequest;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ExportCommand;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.events.EventPayload;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/**
 * The request flow imports and exports share: who may ask and who may see, the two-person rule,
 * how each decision is kept on the request and in the audit log, and what a lock cancels. What
 * differs between the kinds (who decides, which approvals an export needs, the events) stays in
 * {@link ImportService} and {@link ExportService}.
 */
@ApplicationScoped
public class AirlockFlow {

    /** The order of a workspace's requests. */
    public static final Sort NEWEST_FIRST = Sort.descending("requestedAt").and("id");
    /** A review queue's order: the oldest request first, so that none waits behind newer ones. */
    public static final Sort OLDEST_FIRST = Sort.ascending("requestedAt").and("id");

    private static final Logger LOG = Logger.getLogger(AirlockFlow.class);

    private final Clock clock;
    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Event<AirlockFilesDiscarded> discards;

    @Inject
    public AirlockFlow(Clock clock, EntityManager em, Outbox outbox, AuditLog auditLog, Event<AirlockFilesDiscarded> discards) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.discards = discards;
    }

    /**
     * The workspace a member asks to import into or export from: 404 unless the caller may see its
     * airlock, 403 unless they are a member, 409 unless it is {@code READY} (nothing enters or leaves
     * a workspace that is provisioning, locked or purged).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace requestableBy(String workspaceId, AirlockKind kind, Caller caller) {
        Workspace workspace = visibleTo(workspaceId, kind, caller);
        if (!workspace.members.contains(caller.subject())) {
            throw ProblemException.forbidden("Only the workspace's members may ask for an " + kind.noun());
        }
        if (workspace.status != WorkspaceStatus.READY) {
            throw ProblemException.conflict("The workspace is " + workspace.status.name().toLowerCase() + ": it accepts no new "
                    + kind.noun() + "s");
        }
        return workspace;
    }

    /** The workspace, if the caller may see its requests of this kind; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Workspace visibleTo(String workspaceId, AirlockKind kind, Caller caller) {
        return Workspace.<Workspace>findByIdOptional(workspaceId).filter(w -> kind.mayRead(w, caller))
                .orElseThrow(() -> ProblemException.notFound("Workspace", workspaceId));
    }

    /** The request stored as {@code type}, if the caller may see it; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <R extends AirlockRequest<?>> R find(Class<R> type, String id, Caller caller) {
        AirlockKind kind = AirlockKind.of(type);
        R request = em.find(type, id);
        if (request == null || !kind.mayRead(em.find(Workspace.class, request.workspaceId), caller)) {
            throw ProblemException.notFound(kind.title(), id);
        }
        return request;
    }

    /**
     * Records a member's new request of the workspace, as its requester, now: stored, in the audit log
     * ({@code import.requested}, {@code export.requested}, with {@code detail}) and announced by {@code event},
     * all in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <R extends AirlockRequest<?>> void submit(R request, Workspace workspace, Caller caller, Function<R, String> detail,
            Function<R, EventPayload> event) {
        open(request, workspace, caller);
        announce(request, detail, event);
    }

    /** Stores a member's new request of the workspace, as its requester, now; {@link #announce} follows when it is ready for review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(AirlockRequest<?> request, Workspace workspace, Caller caller) {
        request.open(UUID.randomUUID().toString(), workspace, caller.subject(), clock.instant());
        request.persist();
    }

    /**
     * The request awaits review: in the audit log ({@code import.requested}, {@code export.requested}, by its
     * requester, with {@code detail}) and announced by {@code event}, in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <R extends AirlockRequest<?>> void announce(R request, Function<R, String> detail, Function<R, EventPayload> event) {
        AirlockKind kind = request.airlockKind();
        auditLog.record(request.workspaceId, request.requestedBy, kind.noun() + ".requested", kind.noun() + " " + request.id
                + detail.apply(request));
        outbox.publish(request.workspaceId, event.apply(request));
        LOG.infof("%s %s requested by %s in workspace %s", kind.title(), request.id, request.requestedBy, request.workspaceId);
    }

    /**
     * Lets the caller issue the command, or refuses it: 403 when the request's requester would review it
     * (two-person rule; the attempt is audited), else 403 or 409 as the kind's rules say. Returns the
     * caller's roles on the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C extends Enum<C> & AirlockCommand> Set<AirlockRole> authorize(AirlockRequest<C> request, C command,
            Caller caller) {
        if (!command.withdraws() && AirlockRole.reviewsOwnRequest(caller, request.requestedBy)) {
            AirlockKind kind = request.airlockKind();
            auditLog.recordDenial(request.workspaceId, caller.subject(), kind.noun() + ".review.refused",
                    kind.noun() + " " + request.id + ": '" + command.path() + "' by its own requester");
            throw ProblemException.forbidden(kind.twoPersonRefusal());
        }
        Set<AirlockRole> roles = AirlockRole.of(caller, request.requestedBy);
        request.authorize(roles, command);
        return roles;
    }

    /**
     * Records the caller's decision, in {@code role}, on the request and in the audit log. A comment is
     * optional, except on a rejection (400 without one): the requester must learn why.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C extends Enum<C> & AirlockCommand> AirlockDecision decide(AirlockRequest<C> request, C command, AirlockRole role,
            String comment, Caller caller) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (command.rejects() && text == null) {
            throw ProblemException.badRequest("A rejection needs a comment", List.of(new FieldError("comment", "must not be blank")));
        }
        AirlockDecision decision = AirlockDecision.of(command, caller.subject(), role.label(), text, clock.instant());
        record(request, command, decision);
        return decision;
    }

    /**
     * Writes the decisions now: of two callers deciding on one request at once, the second fails here on
     * the request's row version (409) and changes nothing, rather than at the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeNow() {
        em.flush();
    }

    /** Only those who read every request of the kind by role (staff, and the kind's reviewers) see its queue across workspaces. */
    public void requireQueueReader(AirlockKind kind, Caller caller) {
        if (!kind.readsByRole(caller)) {
            throw ProblemException.forbidden("Only the " + kind.noun() + " reviewers, auditors and admins see the " + kind.noun() + " queue");
        }
    }

    /** One page of requests. */
    public <R extends AirlockRequest<?>> ResultPage<R> page(PanacheQuery<R> query, PageRequest paging) {
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /**
     * Nothing enters or leaves a locked workspace: in the lock's transaction, the imports the service desk
     * has not brought in and the exports not yet decided are cancelled, by the system, with the lock's reason.
     */
    void onLockdown(@Observes WorkspaceLockdown lockdown) {
        cancel(AirlockImport.pendingIn(lockdown.workspace().id), ImportCommand.CANCEL, lockdown);
        cancel(AirlockExport.pendingIn(lockdown.workspace().id), ExportCommand.CANCEL, lockdown);
    }

    private <C extends Enum<C> & AirlockCommand> void cancel(List<? extends AirlockRequest<C>> pending, C cancel,
            WorkspaceLockdown lockdown) {
        for (AirlockRequest<C> request : pending) {
            String reason = "Workspace locked: " + lockdown.reason();
            record(request, cancel, AirlockDecision.of(cancel, Caller.SYSTEM, Caller.SYSTEM, reason, lockdown.lockedAt()));
            LOG.infof("%s %s cancelled: workspace %s locked", request.airlockKind().title(), request.id, request.workspaceId);
        }
    }

    private <C extends Enum<C> & AirlockCommand> void record(AirlockRequest<C> request, C command, AirlockDecision decision) {
        request.apply(command, decision);
        auditLog.record(request.workspaceId, decision.actor, command.auditAction(), request.airlockKind().noun() + " " + request.id
                + " as " + decision.role + (decision.comment == null ? "" : ": " + decision.comment));
        discardIfEnded(request);
    }

    /**
     * Once the request has ended without its files going anywhere, its stored files are deleted after the commit
     * ({@link AirlockStorage}): never an object gone for a step rolled back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardIfEnded(AirlockRequest<?> request) {
        if (request.discarded() && !request.storedObjects().isEmpty()) {
            discards.fire(new AirlockFilesDiscarded(request.airlockKind(), request.id, request.workspaceId, request.permitId,
                    request.storedObjects()));
        }
    }
}
