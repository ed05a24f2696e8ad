package fi.sd.web.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.page.PageContext;

/**
 * Every failure as a readable page in the reader's language, never a stack trace: the API's refusals
 * (a stranger's URL is "not found", as the API says), the web's own (an unknown address, a form
 * without its CSRF token, a role that does not reach a page) and its faults. Not signed in is no page
 * of ours: Quarkus's own mapper answers it with the sign-in at the identity provider. To a script's request
 * (htmx) the same message comes alone, for the page to show in its alert region.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String detail, String reference);

        static native TemplateInstance error$message(int status, String detail, String reference);
    }

    private final PageContext page;

    @Inject
    public ErrorPages(PageContext page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response refused(ApiProblem problem, HttpHeaders headers) {
        if (problem.status() >= 500) {
            LOG.warnf("The API answered %s", problem.getMessage());
        }
        // The gateway's 401: the sign-in behind this session no longer gives tokens the API accepts.
        int status = problem.is(401) ? 401 : problem.status() >= 500 || problem.is(429) ? 503 : problem.status();
        return render(status, problem.detail(), problem.requestId().orElse(null), headers);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.warnf("The gateway cannot be reached (reference %s): %s", reference, e.getMessage());
        return render(ApiProblem.UNREACHABLE, null, reference, headers);
    }

    @ServerExceptionMapper
    public Response noSuchPage(NotFoundException e, HttpHeaders headers) {
        return render(404, null, null, headers);
    }

    @ServerExceptionMapper
    public Response notYours(ForbiddenException e, HttpHeaders headers) {
        return render(403, null, null, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return fault(e, headers);
        }
        return render(status, null, null, headers);
    }

    @ServerExceptionMapper
    public Response fault(Throwable e, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Page failed (reference %s)", reference);
        return render(500, null, reference, headers);
    }

    /**
     * An answer the web refused before any page ran, without a body (a form posted without its CSRF
     * token is 400, an unsupported method 405): the error page instead of an empty one.
     */
    @ServerResponseFilter
    public void emptyRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity() && !request.getUriInfo().getPath().startsWith("/q/")) {
            Response rendered = render(response.getStatus(), null, null, request.getHeaders().getFirst("HX-Request") != null);
            response.setEntity(rendered.getEntity(), null, MediaType.TEXT_HTML_TYPE);
        }
    }

    private Response render(int status, String detail, String reference, HttpHeaders headers) {
        return render(status, detail, reference, headers.getHeaderString("HX-Request") != null);
    }

    private Response render(int status, String detail, String reference, boolean fragment) {
        TemplateInstance body = fragment ? Templates.error$message(status, detail, reference) : Templates.error(status, detail, reference);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(body.render()).build();
    }
}
