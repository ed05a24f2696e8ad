package fi.sd.permit.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.events.PermitRoute;
import fi.sd.events.permit.DataReleased;
import fi.sd.permit.api.ReleaseRequest;
import fi.sd.permit.api.ReleaseView;
import fi.sd.permit.domain.AccessApplication;
import fi.sd.permit.domain.DataRelease;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitCommand;
import fi.sd.permit.domain.PermitDataset;
import fi.sd.permit.domain.ReleaseFile;
import fi.sd.permit.domain.ReleaseStatus;
import fi.sd.permit.mapping.ReleaseMapper;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/**
 * Records data releases: a dataset's files delivered into the project's secure environment.
 * On the Findata route Findata delivers; on the register route the dataset's controller, and only
 * while an approved access application covers the dataset. A release is declared with its files
 * and is {@code UPLOADING} until their bytes are stored and verified ({@link ReleaseFiles}).
 */
@ApplicationScoped
public class ReleaseService {

    private static final Logger LOG = Logger.getLogger(ReleaseService.class);

    private final PermitService permits;
    private final PermitQueries queries;
    private final ReleaseLimits limits;
    private final Clock clock;

    @Inject
    public ReleaseService(PermitService permits, PermitQueries queries, ReleaseLimits limits, Clock clock) {
        this.permits = permits;
        this.queries = queries;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    public ReleaseView release(String permitId, ReleaseRequest request, Caller caller) {
        Permit permit = permits.lockVisible(permitId, caller);
        requireReleaser(permit, caller);
        permit.apply(PermitCommand.RELEASE);
        PermitDataset dataset = permit.dataset(request.datasetId()).orElseThrow(() -> ProblemException.unprocessable("datasetId",
                "dataset " + request.datasetId() + " is not in permit " + permit.journalNumber));
        requireFileNamesOnce(request.files());
        Instant now = clock.instant();
        requireReleasable(permit, dataset, caller, now);
        limits.requireDeclarable(permit.id, request.files());
        DataRelease release = new DataRelease();
        release.id = UUID.randomUUID().toString();
        release.permitId = permit.id;
        release.projectId = permit.projectId;
        release.datasetId = dataset.datasetId;
        release.status = ReleaseStatus.UPLOADING;
        release.releasedBy = caller.subject();
        release.declaredAt = now;
        request.files().forEach(f -> release.files.add(new ReleaseFile(f.name(), f.sizeBytes(), f.sha256().toLowerCase(Locale.ROOT))));
        release.persist();
        LOG.infof("Release %s of dataset %s under permit %s declared by %s (%d files, waiting for their bytes)", release.id,
                dataset.datasetId, permit.id, caller.subject(), release.files.size());
        return ReleaseMapper.toView(release);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReleaseView> releases(String permitId, Caller caller) {
        queries.visible(permitId, caller);
        return DataRelease.ofPermit(permitId).stream().map(ReleaseMapper::toView).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReleaseView find(String permitId, String releaseId, Caller caller) {
        queries.visible(permitId, caller);
        return DataRelease.ofPermit(permitId, releaseId).map(ReleaseMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("Release", releaseId));
    }

    /**
     * A register permit's dataset is released by its controller, and only while an approved access
     * application covers it: at its declaration, and again as each of its files is stored.
     */
    static void requireReleasable(Permit permit, PermitDataset dataset, Caller caller, Instant now) {
        if (permit.route == PermitRoute.REGISTER) {
            if (!caller.controls(dataset.controller)) {
                throw ProblemException.forbidden("Dataset " + dataset.datasetId + " is released by its controller, " + dataset.controller);
            }
            if (!AccessApplication.covers(permit.id, dataset.datasetId, now)) {
                throw ProblemException.conflict("No approved access application covers dataset " + dataset.datasetId
                        + " of this permit now: a register permit's data is released while its application is approved");
            }
        }
    }

    /** Findata releases a Findata permit's data; a register permit's data is released by its issuing controller. */
    static void requireReleaser(Permit permit, Caller caller) {
        if (permit.route == PermitRoute.FINDATA) {
            caller.requireAny(Role.PERMIT_AUTHORITY);
        } else {
            PermitAccess.requireIssuer(permit, caller, "release data under");
        }
    }

    private static void requireFileNamesOnce(List<ReleaseRequest.File> files) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (!seen.add(files.get(i).name())) {
                errors.add(new FieldError("files[" + i + "].name", "the file " + files.get(i).name() + " is listed more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("A release lists each file once", errors);
        }
    }
}
