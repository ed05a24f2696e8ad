package fi.sd.permit.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import fi.sd.permit.api.PermitVersionView;
import fi.sd.permit.api.PermitView;
import fi.sd.permit.api.PublicPermitView;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.domain.PermitVersion;
import fi.sd.permit.mapping.PermitMapper;
import fi.sd.permit.repository.PermitRepository;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/** Reads permits and their versions, each filtered by what the caller may see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PermitQueries {

    private final PermitRepository permits;

    @Inject
    public PermitQueries(PermitRepository permits) {
        this.permits = permits;
    }

    public PermitView find(String id, Caller caller) {
        return PermitMapper.toView(visible(id, caller));
    }

    public ResultPage<PermitView> list(Caller caller, Optional<PermitStatus> status, Optional<String> projectId, PageRequest page) {
        return permits.search(caller, status, projectId, page).map(PermitMapper::toView);
    }

    public List<PermitVersionView> versions(String id, Caller caller) {
        visible(id, caller);
        return PermitVersion.of(id).stream().map(PermitMapper::toView).toList();
    }

    public PermitVersionView version(String id, int number, Caller caller) {
        visible(id, caller);
        return PermitVersion.of(id, number).map(PermitMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("Version", number + " of permit " + id));
    }

    /** The public register: every permit, without the persons it names. */
    public ResultPage<PublicPermitView> publicRegister(Optional<PermitStatus> status, Optional<String> journalNumber, PageRequest page) {
        return permits.publicRegister(status, journalNumber, page).map(PermitMapper::toPublicView);
    }

    /** The permit; 404 when it does not exist or the caller may not see it. */
    public Permit visible(String id, Caller caller) {
        return Permit.<Permit>findByIdOptional(id).filter(p -> PermitAccess.canSee(p, caller))
                .orElseThrow(() -> ProblemException.notFound("Permit", id));
    }
}
