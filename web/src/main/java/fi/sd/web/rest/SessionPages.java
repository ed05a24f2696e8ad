package fi.sd.web.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.Desktop;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.OpenedSession;
import fi.sd.web.client.Session;
import fi.sd.web.client.Workspace;
import fi.sd.web.page.PageContext;

/**
 * Opening a desktop: after the second factor (a step-up at the identity provider when the sign-in lacks
 * it), a session whose viewer address the page shows; its heartbeat carries the person's current token,
 * renewed by the sign-in, so that the session lasts exactly as long as the sign-in does.
 */
@Path("/")
@Authenticated
public class SessionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance open(Desktop desktop, Workspace workspace, boolean secondFactor, String refusal);

        static native TemplateInstance session(Session session, Desktop desktop, OpenedSession opened);

        static native TemplateInstance session$status(Session session);
    }

    private final DesktopApi desktops;
    private final PageContext page;
    private final OidcSession signIn;

    @Inject
    public SessionPages(@RestClient DesktopApi desktops, PageContext page, OidcSession signIn) {
        this.desktops = desktops;
        this.page = page;
        this.signIn = signIn;
    }

    /** "Open desktop": with the second factor, a button that opens the session; without it, the way to the step-up. */
    @GET
    @Path("desktops/{id}/open")
    public TemplateInstance open(@PathParam("id") String id) {
        Desktop desktop = desktops.desktop(id);
        return Templates.open(desktop, desktops.workspace(desktop.workspaceId()), page.user().mfa(), null);
    }

    /**
     * The step-up: this sign-in's session here ends (only here: the identity provider's stays), and the
     * open page, which needs the second factor, starts a new one with {@code acr_values=mfa}; the provider
     * asks only for the one-time code.
     */
    @POST
    @Path("desktops/{id}/step-up")
    public Response stepUp(@PathParam("id") String id) {
        signIn.logout().await().indefinitely();
        return Response.seeOther(URI.create("/desktops/" + Paths.segment(id) + "/open")).build();
    }

    @POST
    @Path("desktops/{id}/sessions")
    public Response openSession(@PathParam("id") String id) {
        Desktop desktop = desktops.desktop(id);
        try {
            OpenedSession opened = desktops.openSession(id);
            return Pages.html(201, Templates.session(desktops.session(opened.sessionId()), desktop, opened));
        } catch (ApiProblem refused) {
            if (refused.is(404) || refused.is(401) || refused.status() >= 500) {
                throw refused;
            }
            return Pages.html(refused.status(), Templates.open(desktop, desktops.workspace(desktop.workspaceId()), page.user().mfa(),
                    refused.detail()));
        }
    }

    @GET
    @Path("sessions/{id}")
    public TemplateInstance session(@PathParam("id") String id) {
        Session session = desktops.session(id);
        return Templates.session(session, desktops.desktop(session.desktopId()), null);
    }

    /** Every minute from the session page: keeps the session open with this sign-in's current token. */
    @POST
    @Path("sessions/{id}/heartbeat")
    public TemplateInstance heartbeat(@PathParam("id") String id) {
        try {
            return Templates.session$status(desktops.heartbeat(id));
        } catch (ApiProblem ended) {
            if (ended.is(409)) {
                return Templates.session$status(desktops.session(id));
            }
            throw ended;
        }
    }

    @POST
    @Path("sessions/{id}/close")
    public Response close(@PathParam("id") String id) {
        Session session = desktops.session(id);
        desktops.closeSession(id);
        return Redirects.to("/workspaces/" + Paths.segment(session.workspaceId()) + "#desktops", "session-closed");
    }
}
