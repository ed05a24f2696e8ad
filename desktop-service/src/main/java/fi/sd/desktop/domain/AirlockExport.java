package fi.sd.desktop.domain;

import static fi.sd.desktop.domain.ExportCommand.APPROVE;
import static fi.sd.desktop.domain.ExportCommand.CANCEL;
import static fi.sd.desktop.domain.ExportCommand.FAIL;
import static fi.sd.desktop.domain.ExportCommand.REJECT;
import static fi.sd.desktop.domain.ExportCommand.RELEASE;
import static fi.sd.desktop.domain.ExportCommand.SUBMIT;
import static fi.sd.desktop.domain.ExportStatus.APPROVED;
import static fi.sd.desktop.domain.ExportStatus.CANCELLED;
import static fi.sd.desktop.domain.ExportStatus.COPYING;
import static fi.sd.desktop.domain.ExportStatus.COPY_FAILED;
import static fi.sd.desktop.domain.ExportStatus.IN_REVIEW;
import static fi.sd.desktop.domain.ExportStatus.REJECTED;
import static fi.sd.desktop.domain.ExportStatus.SUBMITTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import fi.sd.events.desktop.RiskLevel;
import fi.sd.platform.domain.PermissionTable;
import fi.sd.platform.domain.TransitionTable;

/**
 * Results a member asked to take out of a workspace. They leave only once every approval the
 * export needs is in, each by a different reviewer who is not the requester: the service desk
 * always, and the permit authority too when the requester assessed the risk as {@code HIGH}.
 */
@Entity
@Table(name = "airlock_export")
public class AirlockExport extends AirlockRequest<ExportCommand> {

    public static final TransitionTable<ExportStatus, ExportCommand> LIFECYCLE = TransitionTable
            .of(ExportStatus.class, ExportCommand.class)
            .allow(COPYING, SUBMIT, SUBMITTED)
            .allow(COPYING, FAIL, COPY_FAILED)
            .allow(COPYING, CANCEL, CANCELLED)
            .allow(SUBMITTED, APPROVE, IN_REVIEW)
            .allowInPlace(APPROVE, IN_REVIEW)
            .allow(IN_REVIEW, RELEASE, APPROVED)
            .allow(SUBMITTED, REJECT, REJECTED)
            .allow(IN_REVIEW, REJECT, REJECTED)
            .allow(SUBMITTED, CANCEL, CANCELLED)
            .allow(IN_REVIEW, CANCEL, CANCELLED)
            .build();

    /**
     * Reviewers approve or reject while the review runs (not while the files are being copied: there is nothing to
     * review yet); the requester may withdraw from the request until the review ends.
     */
    public static final PermissionTable<AirlockRole, ExportStatus, ExportCommand> RULES = PermissionTable
            .of(AirlockRole.class, LIFECYCLE, "request")
            .grant(AirlockRole.REQUESTER, EnumSet.of(COPYING, SUBMITTED, IN_REVIEW), CANCEL)
            .grant(AirlockRole.SERVICE_DESK, EnumSet.of(SUBMITTED, IN_REVIEW), APPROVE, REJECT)
            .grant(AirlockRole.PERMIT_AUTHORITY, EnumSet.of(SUBMITTED, IN_REVIEW), APPROVE, REJECT)
            .build();

    /** Being copied or under review: cancelled when the workspace is locked, so nothing leaves it without a decision. */
    public static final List<ExportStatus> PENDING = List.of(COPYING, SUBMITTED, IN_REVIEW);

    /** Ended with its files deleted: they count no more against the workspace's quota. */
    public static final List<ExportStatus> DISCARDED = List.of(COPY_FAILED, REJECTED, CANCELLED);

    /** Reviewers compare an export with the project's earlier ones, whichever permit's workspace they left. */
    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExportStatus status;

    @ElementCollection
    @CollectionTable(name = "airlock_export_file", joinColumns = @JoinColumn(name = "export_id"))
    @OrderColumn(name = "file_no")
    public List<ExportedFile> files = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    @Column(name = "risk_assessment", length = 4000)
    public String riskAssessment;

    /** The requester's notification of this export to Findata. */
    @Column(name = "findata_notification_ref", length = 200)
    public String findataNotificationRef;

    /** The copies begun so far; the current one's number identifies its runner (a runner that lost its lease records nothing). */
    @Column(name = "copy_attempts", nullable = false)
    public int copyAttempts;

    /** While {@code COPYING}: the copy is claimable from this time on (a runner's lease, or the back-off after a failure). */
    @Column(name = "copy_not_before")
    public Instant copyNotBefore;

    /** While {@code COPYING}: why the last attempt failed (it is tried again); in {@code COPY_FAILED}: why the copy failed. */
    @Column(name = "copy_error", length = 4000)
    public String copyError;

    @ElementCollection
    @CollectionTable(name = "airlock_export_decision", joinColumns = @JoinColumn(name = "export_id"))
    @OrderColumn(name = "decision_no")
    public List<AirlockDecision> decisions = new ArrayList<>();

    /** The reviewer roles whose approvals the export needs, in the order they are asked for. */
    public Set<AirlockRole> requiredApprovals() {
        return riskLevel == RiskLevel.HIGH ? EnumSet.of(AirlockRole.SERVICE_DESK, AirlockRole.PERMIT_AUTHORITY)
                : EnumSet.of(AirlockRole.SERVICE_DESK);
    }

    /** The approvals recorded so far. */
    public List<AirlockDecision> approvals() {
        return decisions.stream().filter(d -> d.action.equals(APPROVE.path())).toList();
    }

    /** The needed reviewer roles that have not approved yet. */
    public Set<AirlockRole> missingApprovals() {
        Set<AirlockRole> missing = new LinkedHashSet<>(requiredApprovals());
        approvals().forEach(a -> missing.removeIf(role -> role.label().equals(a.role)));
        return missing;
    }

    public boolean approvedBy(String reviewer) {
        return approvals().stream().anyMatch(a -> a.actor.equals(reviewer));
    }

    @Override
    public AirlockKind airlockKind() {
        return AirlockKind.EXPORT;
    }

    /** By {@link #RULES}. */
    @Override
    public void authorize(Set<AirlockRole> roles, ExportCommand command) {
        RULES.authorize(roles, status, command);
    }

    /** Along {@link #LIFECYCLE}. */
    @Override
    protected void move(ExportCommand command) {
        status = LIFECYCLE.require(status, command);
    }

    @Override
    public List<AirlockDecision> decisions() {
        return decisions;
    }

    /** The last approval is in: the export is approved, with no further decision recorded. */
    public void release() {
        move(RELEASE);
    }

    /** Its files are copied: it awaits review. */
    public void submit() {
        move(SUBMIT);
        copyNotBefore = null;
        copyError = null;
    }

    /** Its files cannot be copied, for {@code reason} (readable by its requester). */
    public void failCopy(String reason) {
        move(FAIL);
        copyNotBefore = null;
        copyError = reason;
    }

    @Override
    public List<String> storedObjects() {
        return files.stream().map(f -> f.storageKey).filter(Objects::nonNull).toList();
    }

    @Override
    public boolean discarded() {
        return DISCARDED.contains(status);
    }

    /** The file at {@code path}, if the export has one. */
    public Optional<ExportedFile> file(String path) {
        return files.stream().filter(f -> f.path.equals(path)).findFirst();
    }

    public static List<AirlockExport> pendingIn(String workspaceId) {
        return list("workspaceId = ?1 and status in ?2", workspaceId, PENDING);
    }
}
