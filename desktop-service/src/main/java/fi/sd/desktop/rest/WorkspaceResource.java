package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.api.WorkspaceView;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.desktop.mapping.WorkspaceMapper;
import fi.sd.desktop.service.WorkspaceService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.QueryParams;
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
    @Operation(summary = "The workspaces you are a member of (all of them for service-desk, auditor, admin), newest first",
            description = "Filters: status (PROVISIONING, READY, LOCKED, PURGED), projectId. Paging: page (from 0), size (1-200, "
                    + "default 50); the total is in X-Total-Count, the neighbouring pages in Link (rel next, prev).")
    public Response list(@QueryParam("status") String status, @QueryParam("projectId") String projectId,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        PageRequest paging = PageRequest.parse(page, size);
        return service.list(caller, QueryParams.oneOf("status", status, WorkspaceStatus.class), QueryParams.id("projectId", projectId),
                paging).map(this::toView).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One workspace, if you may see it")
    public WorkspaceView get(@PathParam("id") String id) {
        return service.find(id, caller).map(this::toView).orElseThrow(() -> ProblemException.notFound("Workspace", id));
    }

    private WorkspaceView toView(Workspace workspace) {
        return WorkspaceMapper.toView(workspace, service.mountsVisibleTo(workspace, caller));
    }
}
