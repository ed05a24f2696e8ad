package fi.sd.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.GatewayApi;
import fi.sd.web.client.Listing;
import fi.sd.web.client.Permit;
import fi.sd.web.client.PermitApi;
import fi.sd.web.client.ProjectOverview;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.Query;

/** "My projects": the permits a person may see (as a researcher: those naming them), and one project at a glance. */
@Path("/projects")
@Authenticated
public class ProjectPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(Listing<Permit> permits, String status, String query);

        static native TemplateInstance project(ProjectOverview project);
    }

    private final PermitApi permits;
    private final GatewayApi gateway;
    private final WebConfig config;

    @Inject
    public ProjectPages(@RestClient PermitApi permits, @RestClient GatewayApi gateway, WebConfig config) {
        this.permits = permits;
        this.gateway = gateway;
        this.config = config;
    }

    @GET
    public TemplateInstance projects(@RestQuery String status, @RestQuery int page) {
        String state = Filters.oneOf(status, "ACTIVE", "EXPIRED", "REVOKED");
        int from = Math.max(0, page);
        return Templates.projects(Listing.of(permits.list(state, null, from, config.pageSize()), from, config.pageSize()), state,
                Query.of("status", state));
    }

    @GET
    @Path("/{projectId}")
    public TemplateInstance project(@PathParam("projectId") String projectId) {
        return Templates.project(gateway.overview(projectId));
    }
}
