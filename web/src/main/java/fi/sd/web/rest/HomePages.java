package fi.sd.web.rest;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.config.WebConfig;
import fi.sd.web.i18n.Languages;
import fi.sd.web.page.PageContext;

/** The front page, signing in and out, the language switch and the accessibility statement. */
@Path("/")
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance signedOut();

        static native TemplateInstance sessionEnded();

        static native TemplateInstance signInFailed(String error);

        static native TemplateInstance accessibility();
    }

    private final PageContext page;
    private final WebConfig config;

    @Inject
    public HomePages(PageContext page, WebConfig config) {
        this.page = page;
        this.config = config;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    /** Behind the sign-in: arriving here signed in, the person goes on to their projects. */
    @GET
    @Path("sign-in")
    @Authenticated
    public RestResponse<Void> signIn() {
        return RestResponse.seeOther(URI.create("/projects"));
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    @GET
    @Path("session-ended")
    public TemplateInstance sessionEnded() {
        return Templates.sessionEnded();
    }

    /** Where the identity provider's refusal lands ({@code error=access_denied} and the like). */
    @GET
    @Path("sign-in-failed")
    public TemplateInstance signInFailed(@QueryParam("error") String error) {
        return Templates.signInFailed(error == null || !error.matches("[a-z_]{1,64}") ? null : error);
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }

    /** Keeps the chosen language in a cookie and goes back to the page (only to a page of this site). */
    @GET
    @Path("language/{code}")
    public RestResponse<Void> language(@PathParam("code") String code, @QueryParam("return") String back) {
        String language = Languages.supported(code).orElse(Languages.DEFAULT);
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(language).path("/").maxAge((int) Duration.ofDays(365).toSeconds())
                .httpOnly(true).secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
        return RestResponse.ResponseBuilder.<Void>seeOther(URI.create(Paths.local(back, "/"))).cookie(cookie).build();
    }
}
