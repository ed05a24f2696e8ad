package fi.sd.desktop.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.api.DesktopRequest;
import fi.sd.desktop.api.DesktopView;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.mapping.DesktopMapper;
import fi.sd.desktop.service.DesktopService;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** A workspace's desktops. */
@Path("/api/v1/workspaces/{workspaceId}/desktops")
@Tag(name = "Desktops")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceDesktopResource {

    private final DesktopService service;
    private final Caller caller;

    @Inject
    public WorkspaceDesktopResource(DesktopService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a desktop (202, CREATING); a member or admin of a READY workspace",
            description = "flavour and image from configuration (small, medium, heavy; ubuntu-22.04), volumeGb at most 200: 400 "
                    + "otherwise. At most 3 desktops that are not deleted per workspace: 409. A locked workspace: 409.")
    public Response create(@PathParam("workspaceId") String workspaceId, @NotNull @Valid DesktopRequest request, @Context UriInfo uri) {
        Desktop desktop = service.create(workspaceId, request, caller);
        return Response.accepted(DesktopMapper.toView(desktop))
                .location(uri.getBaseUriBuilder().path(DesktopResource.class).path(desktop.id).build()).build();
    }

    @GET
    @Operation(summary = "The workspace's desktops, oldest first, deleted ones included")
    public List<DesktopView> list(@PathParam("workspaceId") String workspaceId) {
        return service.ofWorkspace(workspaceId, caller).stream().map(DesktopMapper::toView).toList();
    }
}
