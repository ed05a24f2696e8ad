package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.api.SessionView;
import fi.sd.desktop.mapping.DesktopMapper;
import fi.sd.desktop.service.SessionService;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Sessions to desktops. */
@Path("/api/v1/sessions")
@Tag(name = "Sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final Caller caller;

    @Inject
    public SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One session: its user, the service desk, auditors and admins")
    public SessionView get(@PathParam("id") String id) {
        return sessions.find(id, caller).map(s -> DesktopMapper.toView(s, sessions.idleTimeout()))
                .orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    @POST
    @Path("/{id}/heartbeat")
    @Operation(summary = "Keep your open session from idling out; 409 once it has ended")
    public SessionView heartbeat(@PathParam("id") String id) {
        return DesktopMapper.toView(sessions.heartbeat(id, caller), sessions.idleTimeout());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a session (204): its user or an admin")
    public Response close(@PathParam("id") String id) {
        sessions.close(id, caller);
        return Response.noContent().build();
    }
}
