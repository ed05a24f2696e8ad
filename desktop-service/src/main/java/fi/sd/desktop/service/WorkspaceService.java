package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Opens a workspace for each permit and answers who may see it. */
@ApplicationScoped
public class WorkspaceService {

    private static final Logger LOG = Logger.getLogger(WorkspaceService.class);

    private final Clock clock;

    @Inject
    public WorkspaceService(Clock clock) {
        this.clock = clock;
    }

    /** Opens the permit's workspace with its persons as members; a permit has one workspace, whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace openFor(PermitSnapshot permit) {
        Optional<Workspace> existing = Workspace.findByPermit(permit.permitId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Workspace workspace = new Workspace();
        workspace.id = UUID.randomUUID().toString();
        workspace.permitId = permit.permitId();
        workspace.projectId = permit.projectId();
        workspace.status = WorkspaceStatus.PROVISIONING;
        permit.persons().stream().map(PersonRef::userId).forEach(workspace.members::add);
        workspace.validUntil = permit.validUntil();
        workspace.createdAt = now;
        workspace.updatedAt = now;
        workspace.persist();
        LOG.infof("Workspace %s opened for permit %s", workspace.id, permit.permitId());
        return workspace;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Workspace> visibleTo(Caller caller) {
        if (seesAll(caller)) {
            return Workspace.listAll();
        }
        return Workspace.list("select w from Workspace w join w.members m where m = ?1", caller.subject());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Workspace> find(String id, Caller caller) {
        return Workspace.<Workspace>findByIdOptional(id).filter(w -> seesAll(caller) || w.members.contains(caller.subject()));
    }

    private static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SERVICE_DESK, Role.AUDITOR, Role.ADMIN);
    }
}
