package fi.sd.web.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.ApplyApi;
import fi.sd.web.client.BlockedUser;
import fi.sd.web.client.Entitlement;
import fi.sd.web.client.Listing;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.PageContext;
import fi.sd.web.page.Query;
import fi.sd.web.security.Viewer;

/** Entitlements (who may use which dataset, until when) and, for controllers, the blocklist after a revocation. */
@Path("/entitlements")
@Authenticated
public class EntitlementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entitlements(Listing<Entitlement> entitlements, boolean activeOnly, String datasetId,
                List<BlockedUser> blocked, String query);
    }

    private final ApplyApi apply;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public EntitlementPages(@RestClient ApplyApi apply, PageContext page, WebConfig config) {
        this.apply = apply;
        this.page = page;
        this.config = config;
    }

    @GET
    public TemplateInstance entitlements(@RestQuery String active, @RestQuery String datasetId, @RestQuery int page) {
        boolean activeOnly = !"all".equals(active);
        String dataset = Filters.text(datasetId);
        int from = Math.max(0, page);
        Listing<Entitlement> listing = Listing.of(apply.entitlements(dataset, null, activeOnly ? Boolean.TRUE : null, from, config.pageSize()),
                from, config.pageSize());
        Viewer viewer = this.page.user();
        List<BlockedUser> blocked = viewer.hasAny(Viewer.DATA_CONTROLLER, Viewer.AUDITOR, Viewer.ADMIN) ? apply.blocklist() : List.of();
        return Templates.entitlements(listing, activeOnly, dataset, blocked, Query.of("active", activeOnly ? "" : "all", "datasetId", dataset));
    }

    /** The dataset's controller lifts a block: the person's approved applications entitle them again. */
    @POST
    @Path("/blocklist/{datasetId}/{userId}/lift")
    public Response lift(@PathParam("datasetId") String datasetId, @PathParam("userId") String userId) {
        apply.lift(datasetId, userId);
        return Redirects.to("/entitlements#blocklist", "block-lifted");
    }
}
