package fi.sd.permit.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.events.permit.DataReleased;
import fi.sd.permit.domain.DataRelease;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitCommand;
import fi.sd.permit.domain.PermitDataset;
import fi.sd.permit.domain.ReleaseFile;
import fi.sd.permit.domain.ReleaseFileState;
import fi.sd.permit.mapping.ReleaseMapper;
import fi.sd.permit.api.UploadedFileView;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.storage.ContentLengthMismatchException;
import fi.sd.storage.FileDigest;
import fi.sd.storage.StoredObject;

/**
 * The database side of a file upload, in two short transactions around the bytes (which are
 * stored outside any transaction): whether the upload may go ahead, then recording the verified
 * file, which releases the release, and publishes {@code DataReleased}, with its last file.
 */
@ApplicationScoped
public class ReleaseFiles {

    private static final Logger LOG = Logger.getLogger(ReleaseFiles.class);

    private final PermitService permits;
    private final ReleaseLimits limits;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ReleaseFiles(PermitService permits, ReleaseLimits limits, Outbox outbox, Clock clock) {
        this.permits = permits;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A declared file that an upload may go ahead for, and whether its bytes are stored already (a repeated upload). */
    public record Admission(String permitId, String releaseId, String name, long sizeBytes, boolean alreadyStored) {
    }

    /** The outcome of an upload: the file, and whether this upload stored it (201) or found it stored with the same bytes (200). */
    public record Outcome(UploadedFileView file, boolean created) {
    }

    /**
     * 404 for a permit, release or file the caller cannot see or that is not declared; 403 unless
     * the caller releases this permit's data; 409 unless it may release it now; 422 when the body's
     * declared length is not the file's; 413 when the permit is over its quota.
     */
    @Transactional
    public Admission admit(String permitId, String releaseId, String name, OptionalLong contentLength, Caller caller) {
        Permit permit = permits.lockVisible(permitId, caller);
        ReleaseService.requireReleaser(permit, caller);
        DataRelease release = release(permitId, releaseId);
        ReleaseFile file = declared(release, name);
        if (file.state == ReleaseFileState.STORED) {
            return new Admission(permitId, releaseId, name, file.sizeBytes, true);
        }
        if (file.state == ReleaseFileState.NO_CONTENT) {
            throw ProblemException.conflict("Release " + releaseId + " was recorded before releases carried files: it takes no content");
        }
        requireReleasable(permit, release, caller, clock.instant());
        if (contentLength.isPresent() && contentLength.getAsLong() != file.sizeBytes) {
            throw new ContentLengthMismatchException(file.sizeBytes, contentLength.getAsLong());
        }
        limits.requireWithinQuota(permitId);
        return new Admission(permitId, releaseId, name, file.sizeBytes, false);
    }

    /**
     * Records the stored bytes of a file once they match its declaration (422 otherwise, and nothing
     * is recorded). If another upload of the same file was recorded first, the outcome is that one's
     * when the bytes are the same (not created: this object is to be discarded), 409 when they differ.
     */
    @Transactional
    public Outcome record(Admission admission, StoredObject stored, Caller caller) {
        Permit permit = permits.lockVisible(admission.permitId(), caller);
        DataRelease release = release(admission.permitId(), admission.releaseId());
        ReleaseFile file = declared(release, admission.name());
        if (file.state == ReleaseFileState.STORED) {
            return new Outcome(sameAsStored(release, file, stored.sha256()), false);
        }
        if (!stored.sha256().equals(file.sha256)) {
            throw ProblemException.unprocessable("The uploaded bytes do not match the release; nothing was stored",
                    List.of(new FieldError("sha256", "the uploaded bytes have SHA-256 " + stored.sha256() + ", the release declares "
                            + file.sha256)));
        }
        // The database keeps microseconds: the answer shows what a repeated upload will read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requireReleasable(permit, release, caller, now);
        boolean completed = release.store(file, stored.name().path(), stored.storedBytes(), caller.subject(), now);
        LOG.infof("File %d of release %s under permit %s stored and verified (%d bytes, key %s)", release.files.indexOf(file),
                release.id, permit.id, file.sizeBytes, stored.keyId());
        if (completed) {
            outbox.publish(new DataReleased(release.id, permit.id, permit.projectId, release.datasetId, ReleaseMapper.files(release),
                    release.releasedBy, now));
            LOG.infof("Release %s of dataset %s under permit %s released: every file stored and verified", release.id,
                    release.datasetId, permit.id);
        }
        return new Outcome(ReleaseMapper.toView(release, file), true);
    }

    /** A repeated upload of a stored file: the stored file when the bytes are the same, 409 when they differ. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outcome compare(Admission admission, FileDigest uploaded) {
        DataRelease release = release(admission.permitId(), admission.releaseId());
        return new Outcome(sameAsStored(release, declared(release, admission.name()), uploaded.sha256()), false);
    }

    private static UploadedFileView sameAsStored(DataRelease release, ReleaseFile file, String uploadedSha256) {
        if (!file.sha256.equals(uploadedSha256)) {
            throw ProblemException.conflict("The file " + file.name + " of release " + release.id
                    + " is stored and verified already, with other bytes than these");
        }
        return ReleaseMapper.toView(release, file);
    }

    /** The permit must be active, and a register permit's dataset covered by an approved application. */
    private static void requireReleasable(Permit permit, DataRelease release, Caller caller, Instant now) {
        permit.apply(PermitCommand.RELEASE);
        PermitDataset dataset = permit.dataset(release.datasetId).orElseThrow(() -> ProblemException.conflict(
                "Dataset " + release.datasetId + " is no longer in the permit"));
        ReleaseService.requireReleasable(permit, dataset, caller, now);
    }

    private static DataRelease release(String permitId, String releaseId) {
        return DataRelease.ofPermit(permitId, releaseId).orElseThrow(() -> ProblemException.notFound("Release", releaseId));
    }

    private static ReleaseFile declared(DataRelease release, String name) {
        return release.file(name).orElseThrow(() -> ProblemException.notFound("File", name + " of release " + release.id));
    }
}
