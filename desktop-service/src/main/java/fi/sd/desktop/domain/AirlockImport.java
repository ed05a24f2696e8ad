package fi.sd.desktop.domain;

import static fi.sd.desktop.domain.ImportCommand.APPROVE;
import static fi.sd.desktop.domain.ImportCommand.CANCEL;
import static fi.sd.desktop.domain.ImportCommand.COMPLETE;
import static fi.sd.desktop.domain.ImportCommand.FAIL;
import static fi.sd.desktop.domain.ImportCommand.REJECT;
import static fi.sd.desktop.domain.ImportStatus.APPROVED;
import static fi.sd.desktop.domain.ImportStatus.CANCELLED;
import static fi.sd.desktop.domain.ImportStatus.COMPLETED;
import static fi.sd.desktop.domain.ImportStatus.FAILED;
import static fi.sd.desktop.domain.ImportStatus.REJECTED;
import static fi.sd.desktop.domain.ImportStatus.SUBMITTED;

import java.util.ArrayList;
import java.util.EnumSet;
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

import fi.sd.events.desktop.ImportKind;
import fi.sd.platform.domain.PermissionTable;
import fi.sd.platform.domain.TransitionTable;

/**
 * Software or data a member asked to bring into a workspace. Members cannot import anything
 * themselves (restricted SD Desktop): the service desk checks the request and brings it in.
 */
@Entity
@Table(name = "airlock_import")
public class AirlockImport extends AirlockRequest<ImportCommand> {

    public static final TransitionTable<ImportStatus, ImportCommand> LIFECYCLE = TransitionTable
            .of(ImportStatus.class, ImportCommand.class)
            .allow(SUBMITTED, APPROVE, APPROVED)
            .allow(SUBMITTED, REJECT, REJECTED)
            .allow(SUBMITTED, CANCEL, CANCELLED)
            .allow(APPROVED, COMPLETE, COMPLETED)
            .allow(APPROVED, FAIL, FAILED)
            // Only a lock cancels an approved import: nothing comes into a locked workspace.
            .allow(APPROVED, CANCEL, CANCELLED)
            .build();

    /** The requester may withdraw until the service desk has decided; only the service desk decides and brings in. */
    public static final PermissionTable<AirlockRole, ImportStatus, ImportCommand> RULES = PermissionTable
            .of(AirlockRole.class, LIFECYCLE, "request")
            .grant(AirlockRole.REQUESTER, EnumSet.of(SUBMITTED), CANCEL)
            .grant(AirlockRole.SERVICE_DESK, EnumSet.of(SUBMITTED), APPROVE, REJECT)
            .grant(AirlockRole.SERVICE_DESK, EnumSet.of(APPROVED), COMPLETE, FAIL)
            .build();

    /** Still waiting for the service desk: cancelled when the workspace is locked. */
    public static final List<ImportStatus> PENDING = List.of(SUBMITTED, APPROVED);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportKind kind;

    @Column(nullable = false, length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    /** The files the request declared, and those the service desk uploaded. */
    @ElementCollection
    @CollectionTable(name = "airlock_import_file", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "file_no")
    public List<ImportedFile> files = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "airlock_import_decision", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "decision_no")
    public List<AirlockDecision> decisions = new ArrayList<>();

    @Override
    public AirlockKind airlockKind() {
        return AirlockKind.IMPORT;
    }

    /** By {@link #RULES}. */
    @Override
    public void authorize(Set<AirlockRole> roles, ImportCommand command) {
        RULES.authorize(roles, status, command);
    }

    /** Along {@link #LIFECYCLE}. */
    @Override
    protected void move(ImportCommand command) {
        status = LIFECYCLE.require(status, command);
    }

    @Override
    public List<AirlockDecision> decisions() {
        return decisions;
    }

    @Override
    public List<String> storedObjects() {
        return files.stream().map(f -> f.storageKey).filter(Objects::nonNull).toList();
    }

    @Override
    public boolean discarded() {
        return status == REJECTED || status == CANCELLED || status == FAILED;
    }

    /** The file named {@code name}, if declared or uploaded. */
    public Optional<ImportedFile> file(String name) {
        return files.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    /** The declared files not uploaded yet. */
    public List<String> awaitedFiles() {
        return files.stream().filter(f -> !f.uploaded()).map(f -> f.name).toList();
    }

    public static List<AirlockImport> pendingIn(String workspaceId) {
        return list("workspaceId = ?1 and status in ?2", workspaceId, PENDING);
    }
}
