package fi.sd.desktop.service;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.ImportRequest;
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.AirlockImport;
import fi.sd.desktop.domain.AirlockKind;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/**
 * Imports into a workspace: a member asks, the service desk decides and brings the software or data in.
 * The steps every airlock request takes are {@link AirlockFlow}'s; the rules are {@link AirlockImport#RULES}.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final AirlockFlow flow;
    private final Outbox outbox;

    @Inject
    public ImportService(AirlockFlow flow, Outbox outbox) {
        this.flow = flow;
        this.outbox = outbox;
    }

    @Transactional
    public ImportView request(String workspaceId, ImportRequest body, Caller caller) {
        Workspace workspace = flow.requestableBy(workspaceId, AirlockKind.IMPORT, caller);
        AirlockImport request = new AirlockImport();
        request.kind = body.kind();
        request.description = body.description().strip();
        request.status = ImportStatus.SUBMITTED;
        flow.submit(request, workspace, caller, r -> " (" + r.kind + "): " + r.description,
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
