package fi.sd.desktop.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.ImportFileView;
import fi.sd.desktop.api.ImportRequest;
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockImport;
import fi.sd.desktop.domain.AirlockKind;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.desktop.domain.ImportedFile;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import fi.sd.storage.ContentLengthMismatchException;
import fi.sd.storage.FileDigest;
import fi.sd.storage.FileNames;
import fi.sd.storage.StoredObject;

/**
 * Imports into a workspace: a member asks, the service desk decides and brings the software or data in.
 * The steps every airlock request takes are {@link AirlockFlow}'s; the rules are {@link AirlockImport#RULES}.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final AirlockFlow flow;
    private final Outbox outbox;
    private final AirlockStorage storage;
    private final AuditLog auditLog;
    private final EntityManager em;
    private final Clock clock;

    @Inject
    public ImportService(AirlockFlow flow, Outbox outbox, AirlockStorage storage, AuditLog auditLog, EntityManager em, Clock clock) {
        this.flow = flow;
        this.outbox = outbox;
        this.storage = storage;
        this.auditLog = auditLog;
        this.em = em;
        this.clock = clock;
    }

    /** 400 for a file listed twice; otherwise as {@link AirlockFlow#requestableBy}. */
    @Transactional
    public ImportView request(String workspaceId, ImportRequest body, Caller caller) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < body.files().size(); i++) {
            if (!names.add(body.files().get(i).name())) {
                throw ProblemException.badRequest("The request has 1 invalid field(s)", List.of(new FieldError("files[" + i + "].name",
                        "is listed twice")));
            }
        }
        Workspace workspace = flow.requestableBy(workspaceId, AirlockKind.IMPORT, caller);
        AirlockImport request = new AirlockImport();
        request.kind = body.kind();
        request.description = body.description().strip();
        request.status = ImportStatus.SUBMITTED;
        for (ImportRequest.File declared : body.files()) {
            ImportedFile file = new ImportedFile();
            file.name = declared.name();
            file.declared = true;
            file.declaredSize = declared.sizeBytes();
            file.declaredSha256 = declared.sha256() == null ? null : declared.sha256().toLowerCase(Locale.ROOT);
            request.files.add(file);
        }
        flow.submit(request, workspace, caller, r -> " (" + r.kind + "): " + r.description
                + (r.files.isEmpty() ? "" : "; files " + r.files.stream().map(f -> f.name).toList()),
                r -> new ImportRequested(r.id, r.workspaceId, r.permitId, r.kind, r.description, r.requestedBy, r.requestedAt));
        return AirlockMapper.toView(request);
    }

    /**
     * Runs a command of {@link AirlockImport#RULES}: 404 if the caller may not see the import, 403 or 409 as the
     * rules say. Only the service desk decides, so every step but the requester's withdrawal is in its role.
     */
    @Transactional
    public ImportView decide(String id, ImportCommand command, String comment, Caller caller) {
        AirlockImport request = find(id, caller);
        flow.authorize(request, command, caller);
        AirlockRole role = command.withdraws() ? AirlockRole.REQUESTER : AirlockRole.SERVICE_DESK;
        AirlockDecision decision = flow.decide(request, command, role, comment, caller);
        if (request.status == ImportStatus.COMPLETED) {
            outbox.publish(request.workspaceId, new ImportCompleted(request.id, request.workspaceId, request.permitId, request.kind,
                    decision.actor, decision.decidedAt));
        }
        flow.writeNow();
        LOG.infof("Import %s: %s by %s, now %s", request.id, command.path(), caller.subject(), request.status);
        return AirlockMapper.toView(request);
    }

    /** An upload that may go ahead: its size, and the SHA-256 of the file when it is stored already (a repeated upload). */
    public record UploadAdmission(String importId, String workspaceId, String permitId, String name, long sizeBytes,
            Optional<String> storedSha256) {
    }

    /** The outcome of an upload: the file, and whether this upload stored it (201) or found it stored with the same bytes (200). */
    public record UploadOutcome(ImportFileView file, boolean created) {
    }

    /**
     * Whether the caller may upload the file now: as for {@code complete} (404 for an import the caller cannot see,
     * 403 unless the service desk and not the requester, 409 unless {@code APPROVED}); 404 for a name the import
     * does not declare when it declares its files; 400 for an invalid name, or without a Content-Length for a file
     * of undeclared size; 422 when the Content-Length is not the declared size; 413 over the size limit or quota.
     */
    @Transactional
    public UploadAdmission admitUpload(String id, String name, OptionalLong contentLength, Caller caller) {
        AirlockImport request = find(id, caller);
        flow.authorize(request, ImportCommand.COMPLETE, caller);
        if (!FileNames.isValid(name)) {
            throw ProblemException.badRequest("Invalid file name", List.of(new FieldError("name", FileNames.MESSAGE)));
        }
        Optional<ImportedFile> declared = request.file(name);
        if (declared.isEmpty() && request.files.stream().anyMatch(f -> f.declared)) {
            throw ProblemException.notFound("File", name + " of import " + id + " (it declares " + request.files.stream()
                    .filter(f -> f.declared).map(f -> f.name).toList() + ")");
        }
        if (declared.isPresent() && declared.get().uploaded()) {
            return new UploadAdmission(id, request.workspaceId, request.permitId, name, declared.get().sizeBytes,
                    Optional.of(declared.get().sha256));
        }
        Long size = declared.map(f -> f.declaredSize).orElse(null);
        if (size == null) {
            size = contentLength.stream().boxed().findFirst().orElseThrow(() -> ProblemException.badRequest(
                    "A file of undeclared size needs a Content-Length", List.of(new FieldError("Content-Length", "must be given"))));
        } else if (contentLength.isPresent() && contentLength.getAsLong() != size) {
            throw new ContentLengthMismatchException(size, contentLength.getAsLong());
        }
        storage.requireFileSize(name, size);
        storage.requireRoom(request.workspaceId, size);
        return new UploadAdmission(id, request.workspaceId, request.permitId, name, size, Optional.empty());
    }

    /**
     * Records an uploaded file once its bytes match what the import declared (422 otherwise, nothing recorded).
     * If another upload of the same file was recorded first: that one, not created, when the bytes are the same
     * (this object is to be discarded); 409 when they differ.
     */
    @Transactional
    public UploadOutcome recordUpload(UploadAdmission admission, StoredObject stored, Caller caller) {
        AirlockImport request = find(admission.importId(), caller);
        // Uploads of one import's files are recorded one at a time.
        em.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        flow.authorize(request, ImportCommand.COMPLETE, caller);
        Optional<ImportedFile> existing = request.file(admission.name());
        if (existing.isPresent() && existing.get().uploaded()) {
            return new UploadOutcome(sameAsStored(request, existing.get(), stored.sha256()), false);
        }
        ImportedFile file = existing.orElseGet(ImportedFile::new);
        if (file.declaredSha256 != null && !file.declaredSha256.equals(stored.sha256())) {
            throw ProblemException.unprocessable("The uploaded bytes are not what the import declares; nothing was stored",
                    List.of(new FieldError("sha256", "the uploaded bytes have SHA-256 " + stored.sha256() + ", the import declares "
                            + file.declaredSha256)));
        }
        storage.requireRoom(request.workspaceId, stored.sizeBytes());
        if (existing.isEmpty()) {
            file.name = admission.name();
            request.files.add(file);
        }
        file.sizeBytes = stored.sizeBytes();
        file.sha256 = stored.sha256();
        file.storageKey = stored.name().path();
        file.uploadedBy = caller.subject();
        // The database keeps microseconds: the answer shows what a repeated upload will read back.
        file.uploadedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        auditLog.record(request.workspaceId, caller.subject(), "import.file.uploaded", "import " + request.id + ": " + file.name + " ("
                + file.sizeBytes + " bytes, SHA-256 " + file.sha256 + ")");
        LOG.infof("Import %s: %s stored (%d bytes, key %s)", request.id, file.name, file.sizeBytes, stored.keyId());
        return new UploadOutcome(AirlockMapper.toView(file), true);
    }

    /** A repeated upload of a stored file: the stored file when the bytes are the same, 409 when they differ. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadOutcome compareUpload(UploadAdmission admission, FileDigest uploaded, Caller caller) {
        AirlockImport request = find(admission.importId(), caller);
        ImportedFile file = request.file(admission.name()).orElseThrow(() -> ProblemException.notFound("File", admission.name()));
        return new UploadOutcome(sameAsStored(request, file, uploaded.sha256()), false);
    }

    private static ImportFileView sameAsStored(AirlockImport request, ImportedFile file, String uploadedSha256) {
        if (!file.sha256.equals(uploadedSha256)) {
            throw ProblemException.conflict("The file " + file.name + " of import " + request.id + " is stored already, with other bytes "
                    + "than these");
        }
        return AirlockMapper.toView(file);
    }

    /** An import's uploaded files, to be delivered before it is completed. */
    public record Deliverable(String importId, String workspaceId, String permitId, List<ImportedFile> files) {
    }

    /**
     * What {@code complete} delivers: the import's uploaded files. As the command refuses (403, 404, 409), and 409
     * while a declared file is not uploaded.
     */
    @Transactional
    public Deliverable deliverable(String id, Caller caller) {
        AirlockImport request = find(id, caller);
        flow.authorize(request, ImportCommand.COMPLETE, caller);
        List<String> awaited = request.awaitedFiles();
        if (!awaited.isEmpty()) {
            throw ProblemException.conflict("Import " + id + " cannot be completed: " + awaited.size() + " declared file(s) are not "
                    + "uploaded yet: " + awaited);
        }
        return new Deliverable(request.id, request.workspaceId, request.permitId, List.copyOf(request.files));
    }

    /**
     * Completes the import once its files ({@code delivered}) are in the desktops: 409 if its files changed
     * meanwhile (complete again), as {@link #decide} otherwise.
     */
    @Transactional
    public ImportView complete(String id, String comment, List<String> delivered, Caller caller) {
        AirlockImport request = find(id, caller);
        em.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (!request.files.stream().filter(ImportedFile::uploaded).map(f -> f.name).toList().equals(delivered)) {
            throw ProblemException.conflict("Import " + id + "'s files changed while it was being completed; complete it again");
        }
        if (!delivered.isEmpty()) {
            auditLog.record(request.workspaceId, caller.subject(), "import.delivered", "import " + id + ": " + delivered
                    + " decrypted and checked at /imports/" + id);
        }
        return decide(id, ImportCommand.COMPLETE, comment, caller);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AirlockImport find(String id, Caller caller) {
        return flow.find(AirlockImport.class, id, caller);
    }

    /** The workspace's imports, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockImport> ofWorkspace(String workspaceId, Caller caller, PageRequest paging) {
        Workspace workspace = flow.visibleTo(workspaceId, AirlockKind.IMPORT, caller);
        return flow.page(AirlockImport.find("workspaceId", AirlockFlow.NEWEST_FIRST, workspace.id), paging);
    }

    /** The service desk's queue: imports of every workspace in the given states (all when none), oldest request first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AirlockImport> queue(Caller caller, Collection<ImportStatus> states, PageRequest paging) {
        flow.requireQueueReader(AirlockKind.IMPORT, caller);
        return flow.page(states.isEmpty() ? AirlockImport.findAll(AirlockFlow.OLDEST_FIRST)
                : AirlockImport.find("status in ?1", AirlockFlow.OLDEST_FIRST, states), paging);
    }
}
