package fi.sd.desktop.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.mapping.WorkspaceMapper;
import fi.sd.desktop.service.WorkspaceService;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Secure workspaces, one per permit. */
@Path("/api/v1/workspaces")
@Tag(name = "Workspaces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final WorkspaceService service;
    private final Caller caller;

    @Inject
    public WorkspaceResource(WorkspaceService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The workspaces you are a member of (all of them for service-desk, auditor, admin)")
    public List<WorkspaceView> list() {
        return service.visibleTo(caller).stream().map(WorkspaceMapper::toView).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One workspace, if you may see it")
    public WorkspaceView get(@PathParam("id") String id) {
        return service.find(id, caller).map(WorkspaceMapper::toView).orElseThrow(() -> ProblemException.notFound("Workspace", id));
    }
}
