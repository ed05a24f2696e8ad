package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import fi.sd.desktop.api.ImportRequest;
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.service.ImportService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** A workspace's imports: members ask for software or data, the service desk brings it in. */
@Path("/api/v1/workspaces/{workspaceId}/imports")
@Tag(name = "Airlock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceImportResource {

    private final ImportService service;
    private final Caller caller;

    @Inject
    public WorkspaceImportResource(ImportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Ask the service desk to bring software or data into the workspace (members)",
            description = "201 SUBMITTED and ImportRequested. 400: a malformed field; 403: not a member; 404: no such workspace "
                    + "or not visible to you; 409: the workspace is not READY.")
    public Response request(@PathParam("workspaceId") String workspaceId, @NotNull @Valid ImportRequest request, @Context UriInfo uri) {
        ImportView created = service.request(workspaceId, request, caller);
        return Response.created(uri.getBaseUriBuilder().path(ImportResource.class).path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "The workspace's imports, newest first (members, service-desk, auditor, admin)",
            description = "Paging: page (from 0), size (1-200, default 50); the total is in X-Total-Count, the neighbouring pages "
                    + "in Link (rel next, prev).")
    public Response list(@PathParam("workspaceId") String workspaceId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        return service.ofWorkspace(workspaceId, caller, PageRequest.parse(page, size)).map(AirlockMapper::toView).toResponse(uri);
    }
}
