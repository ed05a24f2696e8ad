package fi.sd.web.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.AirlockExport;
import fi.sd.web.client.AirlockImport;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.Listing;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.PageContext;
import fi.sd.web.security.Viewer;

/**
 * The reviewers' queue: exports waiting for a review with the two-person rule shown (who approved, what
 * is still needed), and for the service desk the imports waiting to be decided or brought in.
 */
@Path("/reviews")
@Authenticated
public class ReviewPages {

    static final List<String> PENDING_EXPORTS = List.of("SUBMITTED", "IN_REVIEW");
    static final List<String> PENDING_IMPORTS = List.of("SUBMITTED", "APPROVED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reviews(Listing<AirlockExport> exports, Listing<AirlockImport> imports, String role);
    }

    private final DesktopApi desktops;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public ReviewPages(@RestClient DesktopApi desktops, PageContext page, WebConfig config) {
        this.desktops = desktops;
        this.page = page;
        this.config = config;
    }

    @GET
    public TemplateInstance reviews(@RestQuery int page) {
        Viewer viewer = this.page.user();
        int from = Math.max(0, page);
        Listing<AirlockExport> exports = Listing.of(desktops.exportQueue(PENDING_EXPORTS, from, config.pageSize()), from, config.pageSize());
        Listing<AirlockImport> imports = viewer.hasAny(Viewer.SERVICE_DESK, Viewer.AUDITOR, Viewer.ADMIN)
                ? Listing.of(desktops.importQueue(PENDING_IMPORTS, 0, 50), 0, 50) : null;
        // The role the reviewer approves in: the service desk first, as the API records it.
        String role = viewer.has(Viewer.SERVICE_DESK) ? Viewer.SERVICE_DESK : viewer.has(Viewer.PERMIT_AUTHORITY) ? Viewer.PERMIT_AUTHORITY : null;
        return Templates.reviews(exports, imports, role);
    }
}
