package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.ExportRequest;
import fi.sd.desktop.api.ExportView;
import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockKind;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ExportCommand;
import fi.sd.desktop.domain.ExportStatus;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.mapping.AirlockMapper;
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
 * the permit authority's approval as well as the service desk's. The steps every airlock request
 * takes are {@link AirlockFlow}'s; the rules are {@link AirlockExport#RULES}.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final AirlockFlow flow;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final AirlockStorage storage;
    private final Clock clock;
    private final Event<LeasedJobs.ExportRequested> copyRequested;

    @Inject
    public ExportService(AirlockFlow flow, Outbox outbox, AuditLog auditLog, AirlockStorage storage, Clock clock,
            Event<LeasedJobs.ExportRequested> copyRequested) {
        this.flow = flow;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.storage = storage;
        this.clock = clock;
        this.copyRequested = copyRequested;
    }

    /** The workspace an export may be requested from, as {@link #admit} found it. */
    public record Admission(String workspaceId, String permitId) {
    }

    /**
     * Whether the caller may request this export now, before any file is copied: 400 for a {@code HIGH} risk
     * without an assessment or a path listed twice; 403 unless a member; 404 for a workspace the caller cannot
     * see; 409 unless it is {@code READY}; 422 without the Findata notification on a Findata permit (Findata is
     * notified of every export).
     */
    @Transactional
    public Admission admit(String workspaceId, ExportRequest body, Caller caller) {
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
        Workspace workspace = requestable(workspaceId, body, caller);
        return new Admission(workspace.id, workspace.permitId);
    }

    /**
     * Records the export, {@code COPYING} the files the request names ({@code files}, in the request's order, each with
     * the size it has now and what the requester declared), in the audit log ({@code export.copying}); the
     * {@link ExportCopyRunner} copies them after the commit. The admission's checks again (the workspace may have
     * changed meanwhile), and 413 when the files would take the workspace over its quota (counted from now on).
     */
    @Transactional
    public ExportView record(Admission admission, ExportRequest body, List<ExportedFile> files, Caller caller) {
        Workspace workspace = requestable(admission.workspaceId(), body, caller);
        storage.requireRoom(workspace.id, files.stream().mapToLong(f -> f.sizeBytes).sum());
        AirlockExport export = new AirlockExport();
        export.projectId = workspace.projectId;
        export.status = ExportStatus.COPYING;
        export.files.addAll(files);
        export.riskLevel = body.riskLevel();
        export.riskAssessment = blankToNull(body.riskAssessment());
        export.findataNotificationRef = blankToNull(body.findataNotificationRef());
        export.copyNotBefore = Instant.now();
        flow.open(export, workspace, caller);
        auditLog.record(workspace.id, caller.subject(), "export.copying", "export " + export.id + ": " + files.size() + " file(s), "
                + export.riskLevel + " risk, " + files.stream().map(f -> f.path + " (" + f.sizeBytes + " bytes)").toList()
                + " being copied from /export");
        copyRequested.fire(new LeasedJobs.ExportRequested());
        return AirlockMapper.toView(export);
    }

    /**
     * The export's files are copied ({@code copied}: their sizes and SHA-256 as the service computed them): it awaits
     * review, in the audit log ({@code export.requested}) and announced ({@code ExportRequested}), as an export whose
     * files were copied while its request waited was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitCopied(AirlockExport export) {
        export.submit();
        export.updatedAt = clock.instant();
        flow.announce(export,
                e -> ": " + e.files.size() + " file(s), " + e.riskLevel + " risk, " + e.files.stream().map(f -> f.path + " (" + f.sizeBytes
                        + " bytes, SHA-256 " + f.sha256 + ")").toList(),
                e -> new ExportRequested(e.id, e.workspaceId, e.permitId, AirlockMapper.files(e), e.riskLevel, e.requestedBy,
                        e.requestedAt));
    }

    /** The export's files cannot be copied: {@code COPY_FAILED} with the reason, audited ({@code export.copy.failed}); its objects go after the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failCopy(AirlockExport export, String reason) {
        export.failCopy(reason);
        export.updatedAt = clock.instant();
        auditLog.record(export.workspaceId, Caller.SYSTEM, ExportCommand.FAIL.auditAction(), "export " + export.id + ": " + reason);
        flow.discardIfEnded(export);
        LOG.warnf("Export %s: its files could not be copied: %s", export.id, reason);
    }

    private Workspace requestable(String workspaceId, ExportRequest body, Caller caller) {
        Workspace workspace = flow.requestableBy(workspaceId, AirlockKind.EXPORT, caller);
        if (workspace.route == PermitRoute.FINDATA && blankToNull(body.findataNotificationRef()) == null) {
            throw ProblemException.unprocessable("findataNotificationRef",
                    "Findata must be notified of every export from a Findata permit's workspace");
        }
        return workspace;
    }

    /** Runs a command of {@link AirlockExport#RULES}: 404 if the caller may not see the export, 403 or 409 as the rules say. */
    @Transactional
    public ExportView decide(String id, ExportCommand command, String comment, Caller caller) {
        AirlockExport export = find(id, caller);
        Set<AirlockRole> roles = flow.authorize(export, command, caller);
        switch (command) {
            case APPROVE -> approve(export, roles, comment, caller);
            case REJECT -> reject(export, roles, comment, caller);
            case CANCEL -> flow.decide(export, command, AirlockRole.REQUESTER, comment, caller);
            case RELEASE -> throw new IllegalStateException("No caller releases an export; the last approval does");
        }
        flow.writeNow();
        LOG.infof("Export %s: %s by %s, now %s", export.id, command.path(), caller.subject(), export.status);
        return AirlockMapper.toView(export);
    }

    /** An approval in the first of the caller's roles whose approval the export still needs; the last one releases it. */
    private void approve(AirlockExport export, Set<AirlockRole> roles, String comment, Caller caller) {
        if (export.approvedBy(caller.subject())) {
            throw ProblemException.conflict("You have already approved this export: another reviewer must give the approval still needed");
        }
        AirlockRole role = export.missingApprovals().stream().filter(roles::contains).findFirst()
                .orElseThrow(() -> ProblemException.conflict("No approval in your role is outstanding; the export waits for "
                        + export.missingApprovals().stream().map(AirlockRole::label).toList()));
        AirlockDecision approval = flow.decide(export, ExportCommand.APPROVE, role, comment, caller);
        if (export.missingApprovals().isEmpty()) {
            export.release();
            auditLog.record(export.workspaceId, caller.subject(), ExportCommand.RELEASE.auditAction(), "export " + export.id
                    + " approved by " + export.approvals().stream().map(a -> a.actor + " (" + a.role + ")").toList());
            outbox.publish(export.workspaceId, new ExportApproved(export.id, export.workspaceId, export.permitId,
                    AirlockMapper.files(export), export.approvals().stream().map(AirlockMapper::toReview).toList(),
                    approval.decidedAt));
        }
    }

    private void reject(AirlockExport export, Set<AirlockRole> roles, String comment, Caller caller) {
        AirlockRole role = roles.contains(AirlockRole.SERVICE_DESK) ? AirlockRole.SERVICE_DESK : AirlockRole.PERMIT_AUTHORITY;
        AirlockDecision rejection = flow.decide(export, ExportCommand.REJECT, role, comment, caller);
        outbox.publish(export.workspaceId, new ExportRejected(export.id, export.workspaceId, export.permitId,
                AirlockMapper.toReview(rejection), rejection.decidedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AirlockExport find(String id, Caller caller) {
        return flow.find(AirlockExport.class, id, caller);
    }

    /**
     * Newest first. Reviewers, auditors and admins get every export of the workspace's project, from
     * any of its permits' workspaces, to compare a new export with the earlier ones (differencing);
     * a member gets the workspace's own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockExport> ofWorkspace(String workspaceId, Caller caller, PageRequest paging) {
        Workspace workspace = flow.visibleTo(workspaceId, AirlockKind.EXPORT, caller);
        return flow.page(AirlockKind.EXPORT.readsByRole(caller)
                ? AirlockExport.find("projectId", AirlockFlow.NEWEST_FIRST, workspace.projectId)
                : AirlockExport.find("workspaceId", AirlockFlow.NEWEST_FIRST, workspace.id), paging);
    }

    /** The reviewers' queue: exports of every workspace in the given states (all when none), oldest request first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockExport> queue(Caller caller, Collection<ExportStatus> states, PageRequest paging) {
        flow.requireQueueReader(AirlockKind.EXPORT, caller);
        return flow.page(states.isEmpty() ? AirlockExport.findAll(AirlockFlow.OLDEST_FIRST)
                : AirlockExport.find("status in ?1", AirlockFlow.OLDEST_FIRST, states), paging);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
