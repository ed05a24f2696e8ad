package fi.sd.web.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import fi.sd.web.i18n.Languages;
import fi.sd.web.security.Viewer;
import fi.sd.web.security.Viewers;

/**
 * What every page's frame needs about the request ({@code {inject:page...}} in the templates): who is
 * signed in and in which roles, the language, where we are, and the notice of what was just done.
 */
@Named("page")
@RequestScoped
public class PageContext {

    /** What a redirect after a command names in {@code ?done=}: a word, never text to show as such. */
    private static final Pattern NOTICE = Pattern.compile("[a-z][a-z-]{0,40}");

    private final RoutingContext request;
    private final SecurityIdentity identity;
    private Optional<Viewer> viewer;
    private String lang;

    @Inject
    public PageContext(RoutingContext request, SecurityIdentity identity) {
        this.request = request;
        this.identity = identity;
    }

    public boolean signedIn() {
        return viewer().isPresent();
    }

    /** The signed-in person; a page behind {@code @Authenticated} always has one. */
    public Viewer user() {
        return viewer().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    public Optional<Viewer> viewer() {
        if (viewer == null) {
            viewer = Viewers.of(identity);
        }
        return viewer;
    }

    public boolean has(String role) {
        return viewer().map(v -> v.has(role)).orElse(false);
    }

    public String lang() {
        if (lang == null) {
            Cookie chosen = request.request().getCookie(Languages.COOKIE);
            lang = Languages.resolve(chosen == null ? null : chosen.getValue(), request.request().getHeader("Accept-Language"));
        }
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    public List<Languages.Language> languages() {
        return Languages.ALL;
    }

    public String path() {
        return request.request().path();
    }

    /** The page itself, with its query, to come back to (after switching the language). */
    public String here() {
        String query = request.request().query();
        return query == null ? path() : path() + "?" + query;
    }

    /** {@code aria-current="page"} for the navigation link of the section we are in. */
    public boolean current(String section) {
        String path = path();
        return path.equals(section) || path.startsWith(section + "/");
    }

    /** What was just done ({@code ?done=submitted}), for the notice at the top of the page. */
    public String notice() {
        String done = request.request().getParam("done");
        return done != null && NOTICE.matcher(done).matches() ? done : null;
    }
}
