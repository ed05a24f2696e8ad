package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

import fi.sd.desktop.api.DesktopView;
import fi.sd.desktop.mapping.DesktopMapper;
import fi.sd.desktop.service.DesktopService;
import fi.sd.desktop.service.OpenedSession;
import fi.sd.desktop.service.SessionService;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** One desktop: its state, the commands on it, and sessions to it. */
@Path("/api/v1/desktops")
@Tag(name = "Desktops")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DesktopResource {

    private final DesktopService desktops;
    private final SessionService sessions;
    private final Caller caller;

    @Inject
    public DesktopResource(DesktopService desktops, SessionService sessions, Caller caller) {
        this.desktops = desktops;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One desktop, if you may see its workspace")
    public DesktopView get(@PathParam("id") String id) {
        return desktops.find(id, caller).map(DesktopMapper::toView).orElseThrow(() -> ProblemException.notFound("Desktop", id));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a RUNNING desktop; its sessions end")
    public DesktopView pause(@PathParam("id") String id) {
        return DesktopMapper.toView(desktops.pause(id, caller));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a PAUSED desktop, or one STOPPED by a lock once the workspace is READY again")
    public DesktopView resume(@PathParam("id") String id) {
        return DesktopMapper.toView(desktops.resume(id, caller));
    }

    @POST
    @Path("/{id}/reboot")
    @Operation(summary = "Reboot a RUNNING desktop (202, REBOOTING); its sessions end")
    public Response reboot(@PathParam("id") String id) {
        return Response.accepted(DesktopMapper.toView(desktops.reboot(id, caller))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a desktop and its volume (202, DELETING); DesktopDeleted follows when the cloud confirms")
    public Response delete(@PathParam("id") String id) {
        return Response.accepted(DesktopMapper.toView(desktops.delete(id, caller))).build();
    }

    @POST
    @Path("/{id}/sessions")
    @Operation(summary = "Open a session (201 with connectUrl): a member signed in with mfa, workspace READY, desktop RUNNING",
            description = "One open session per user (409 naming the open one), at most 10 per desktop (409). No mfa, or not a "
                    + "member but able to see the workspace: 403; not able to see it: 404.")
    public Response open(@PathParam("id") String id, @Context UriInfo uri) {
        OpenedSession opened = sessions.open(id, caller);
        return Response.created(uri.getBaseUriBuilder().path(SessionResource.class).path(opened.session().id).build())
                .entity(DesktopMapper.toView(opened, sessions.idleTimeout())).build();
    }
}
