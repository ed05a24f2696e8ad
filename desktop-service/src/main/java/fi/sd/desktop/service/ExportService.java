package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ExportCommand;
import fi.sd.desktop.domain.ExportStatus;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.rest.ExportRequest;
import fi.sd.desktop.rest.ExportView;
import fi.sd.events.PermitRoute;
import fi.sd.events.desktop.ExportApproved;
import fi.sd.events.desktop.ExportRejected;
import fi.sd.events.desktop.ExportRequested;
import fi.sd.events.desktop.RiskLevel;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/**
 * Exports out of a workspace, reviewed under the two-person rule: a reviewer is never the
 * requester, each approval comes from a different person, and a {@code HIGH} risk export needs
 * the permit authority's approval as well as the service desk's.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final Clock clock;
    private final Outbox outbox;
    private final AirlockAccess access;
    private final EntityManager em;
    private final AuditLog auditLog;

    @Inject
    public ExportService(Clock clock, Outbox outbox, AirlockAccess access, EntityManager em, AuditLog auditLog) {
        this.clock = clock;
        this.outbox = outbox;
        this.access = access;
        this.em = em;
        this.auditLog = auditLog;
    }

    /**
     * Submits an export for review. 400 for a {@code HIGH} risk without an assessment or a path
     * listed twice; 422 without the Findata notification on a Findata permit (Findata is notified
     * of every export).
     */
    @Transactional
    public ExportView request(String workspaceId, ExportRequest body, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (body.riskLevel() == RiskLevel.HIGH && (body.riskAssessment() == null || body.riskAssessment().isBlank())) {
            errors.add(new FieldError("riskAssessment", "must not be blank when riskLevel is HIGH"));
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < body.files().size(); i++) {
            if (!paths.add(body.files().get(i).path())) {
                errors.add(new FieldError("files[" + i + "].path", "is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has " + errors.size() + " invalid field(s)", errors);
        }
        Workspace workspace = access.requestableBy(workspaceId, caller, true);
        String notification = blankToNull(body.findataNotificationRef());
        if (workspace.route == PermitRoute.FINDATA && notification == null) {
            throw ProblemException.unprocessable("findataNotificationRef",
                    "Findata must be notified of every export from a Findata permit's workspace");
        }
        Instant now = clock.instant();
        AirlockExport export = new AirlockExport();
        export.open(UUID.randomUUID().toString(), workspace, caller.subject(), now);
        export.projectId = workspace.projectId;
        export.status = ExportStatus.SUBMITTED;
        for (ExportRequest.File declared : body.files()) {
            ExportedFile file = new ExportedFile();
            file.path = declared.path();
            file.sizeBytes = declared.sizeBytes();
            file.sha256 = declared.sha256().toLowerCase(Locale.ROOT);
            export.files.add(file);
        }
        export.riskLevel = body.riskLevel();
        export.riskAssessment = blankToNull(body.riskAssessment());
        export.findataNotificationRef = notification;
        export.persist();
        auditLog.record(workspace.id, caller.subject(), "export.requested", "export " + export.id + ": " + export.files.size()
                + " file(s), " + export.riskLevel + " risk, " + export.files.stream().map(f -> f.path).toList());
        outbox.publish(workspace.id, new ExportRequested(export.id, workspace.id, workspace.permitId, AirlockMapper.files(export),
                export.riskLevel, export.requestedBy, now));
        LOG.infof("Export %s (%d files, %s risk) requested by %s from workspace %s", export.id, export.files.size(), export.riskLevel,
                export.requestedBy, workspace.id);
        return AirlockMapper.toView(export);
    }

    /** Runs a command of {@link AirlockExport#RULES}: 404 if the caller may not see the export, 403 or 409 as the rules say. */
    @Transactional
    public ExportView decide(String id, ExportCommand command, String comment, Caller caller) {
        AirlockExport export = find(id, caller);
        if (command != ExportCommand.CANCEL && AirlockRole.reviewsOwnRequest(caller, export.requestedBy)) {
            auditLog.recordDenial(export.workspaceId, caller.subject(), "export.review.refused",
                    "export " + export.id + ": '" + command.path() + "' by its own requester");
            throw ProblemException.forbidden("Two-person rule: you requested this export, so another reviewer must review it");
        }
        Set<AirlockRole> roles = AirlockRole.of(caller, export.requestedBy);
        AirlockExport.RULES.authorize(roles, export.status, command);
        Instant now = clock.instant();
        switch (command) {
            case APPROVE -> approve(export, roles, AirlockAccess.comment(comment, false), caller, now);
            case REJECT -> reject(export, roles, AirlockAccess.comment(comment, true), caller, now);
            case CANCEL -> record(export, AirlockDecision.of(command, caller.subject(), AirlockRole.REQUESTER.label(),
                    AirlockAccess.comment(comment, false), now), command);
            case RELEASE -> throw new IllegalStateException("No caller releases an export; the last approval does");
        }
        // Optimistic locking: of two reviewers deciding at once, the second fails here with 409 and changes nothing.
        em.flush();
        LOG.infof("Export %s: %s by %s, now %s", export.id, command.path(), caller.subject(), export.status);
        return AirlockMapper.toView(export);
    }

    private void approve(AirlockExport export, Set<AirlockRole> roles, String comment, Caller caller, Instant now) {
        if (export.approvedBy(caller.subject())) {
            throw ProblemException.conflict("You have already approved this export: another reviewer must give the approval still needed");
        }
        AirlockRole role = export.missingApprovals().stream().filter(roles::contains).findFirst()
                .orElseThrow(() -> ProblemException.conflict("No approval in your role is outstanding; the export waits for "
                        + export.missingApprovals().stream().map(AirlockRole::label).toList()));
        record(export, AirlockDecision.of(ExportCommand.APPROVE, caller.subject(), role.label(), comment, now),
                ExportCommand.APPROVE);
        if (export.missingApprovals().isEmpty()) {
            export.release();
            auditLog.record(export.workspaceId, caller.subject(), ExportCommand.RELEASE.auditAction(), "export " + export.id
                    + " approved by " + export.approvals().stream().map(a -> a.actor + " (" + a.role + ")").toList());
            outbox.publish(export.workspaceId, new ExportApproved(export.id, export.workspaceId, export.permitId,
                    AirlockMapper.files(export), export.approvals().stream().map(AirlockMapper::toReview).toList(), now));
        }
    }

    private void reject(AirlockExport export, Set<AirlockRole> roles, String comment, Caller caller, Instant now) {
        AirlockRole role = roles.contains(AirlockRole.SERVICE_DESK) ? AirlockRole.SERVICE_DESK : AirlockRole.PERMIT_AUTHORITY;
        AirlockDecision rejection = AirlockDecision.of(ExportCommand.REJECT, caller.subject(), role.label(), comment, now);
        record(export, rejection, ExportCommand.REJECT);
        outbox.publish(export.workspaceId, new ExportRejected(export.id, export.workspaceId, export.permitId,
                AirlockMapper.toReview(rejection), now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AirlockExport find(String id, Caller caller) {
        return AirlockExport.<AirlockExport>findByIdOptional(id)
                .filter(e -> AirlockAccess.mayRead(Workspace.<Workspace>findById(e.workspaceId).members.contains(caller.subject()),
                        caller, true))
                .orElseThrow(() -> ProblemException.notFound("Export", id));
    }

    /**
     * Newest first. Reviewers, auditors and admins get every export of the workspace's project, from
     * any of its permits' workspaces, to compare a new export with the earlier ones (differencing);
     * a member gets the workspace's own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockExport> ofWorkspace(String workspaceId, Caller caller, PageRequest paging) {
        Workspace workspace = access.visibleTo(workspaceId, caller, true);
        Sort newestFirst = Sort.descending("requestedAt").and("id");
        PanacheQuery<AirlockExport> query = AirlockAccess.reviewerOrOversight(caller)
                ? AirlockExport.find("projectId", newestFirst, workspace.projectId)
                : AirlockExport.find("workspaceId", newestFirst, workspace.id);
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /**
     * The reviewers' queue: exports of every workspace in the given states (all when none), oldest request
     * first. The service desk, the permit authority, auditors and admins only (403 for anyone else).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockExport> queue(Caller caller, Collection<ExportStatus> states, PageRequest paging) {
        if (!AirlockAccess.reviewerOrOversight(caller)) {
            throw ProblemException.forbidden("Only reviewers, auditors and admins see the export queue");
        }
        return AirlockAccess.queue(states, AirlockExport.findAll(AirlockAccess.OLDEST_FIRST),
                given -> AirlockExport.find("status in ?1", AirlockAccess.OLDEST_FIRST, given), paging);
    }

    /** Data must not leave a locked workspace without a decision made while it was open: pending exports are cancelled. */
    void onLockdown(@Observes WorkspaceLockdown lockdown) {
        for (AirlockExport export : AirlockExport.pendingIn(lockdown.workspace().id)) {
            record(export, AirlockDecision.of(ExportCommand.CANCEL, Caller.SYSTEM, Caller.SYSTEM,
                    "Workspace locked: " + lockdown.reason(), lockdown.lockedAt()), ExportCommand.CANCEL);
            LOG.infof("Export %s cancelled: workspace %s locked", export.id, export.workspaceId);
        }
    }

    private void record(AirlockExport export, AirlockDecision decision, ExportCommand command) {
        export.apply(command, decision);
        auditLog.record(export.workspaceId, decision.actor, command.auditAction(),
                AirlockAccess.auditDetail("export", export.id, decision));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
