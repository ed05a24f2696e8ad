package fi.sd.web.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.Listing;
import fi.sd.web.client.Permit;
import fi.sd.web.client.PermitApi;
import fi.sd.web.client.PermitVersion;
import fi.sd.web.client.Release;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.Bodies;
import fi.sd.web.page.Form;
import fi.sd.web.page.FormData;
import fi.sd.web.page.PageContext;
import fi.sd.web.page.Query;
import fi.sd.web.security.Viewer;

/**
 * Data permits for those who issue them (Findata, a register's controller) and those who oversee
 * them: the list, recording one, its versions, amending and revoking it, and its data releases.
 */
@Path("/permits")
@Authenticated
public class PermitPages {

    static final List<String> PERMIT_INPUTS = List.of("route", "journalNumber", "projectId", "title", "purpose", "holder.organisation",
            "holder.principalInvestigator", "datasets", "datasets[]", "persons", "persons[]", "validFrom", "validUntil", "conditions");
    static final List<String> AMENDMENT_INPUTS = List.of("validUntil", "datasets", "datasets[]", "persons", "persons[]", "reason");
    static final List<String> RELEASE_INPUTS = List.of("datasetId", "files", "files[]");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance permits(Listing<Permit> permits, String status, String query);

        static native TemplateInstance record(Form form, boolean chooseRoute);

        static native TemplateInstance permit(Permit permit, List<PermitVersion> versions, List<Release> releases, boolean issuer,
                Form revocation);

        static native TemplateInstance amend(Permit permit, Form form);

        static native TemplateInstance release(Permit permit, Form form);
    }

    private final PermitApi permits;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public PermitPages(@RestClient PermitApi permits, PageContext page, WebConfig config) {
        this.permits = permits;
        this.page = page;
        this.config = config;
    }

    @GET
    public TemplateInstance permits(@RestQuery String status, @RestQuery int page) {
        String state = Filters.oneOf(status, "ACTIVE", "EXPIRED", "REVOKED");
        int from = Math.max(0, page);
        return Templates.permits(Listing.of(permits.list(state, null, from, config.pageSize()), from, config.pageSize()), state,
                Query.of("status", state));
    }

    @GET
    @Path("/new")
    public TemplateInstance recordForm() {
        Viewer viewer = page.user();
        Form form = Form.empty().with("route", viewer.has(Viewer.PERMIT_AUTHORITY) ? "FINDATA" : "REGISTER");
        if (viewer.has(Viewer.DATA_CONTROLLER) && viewer.org() != null) {
            form.with("datasets[0].controller", viewer.org());
        }
        return Templates.record(form, chooseRoute(viewer));
    }

    @POST
    public Response record(MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        Map<String, Object> body = Bodies.of(
                "journalNumber", data.text("journalNumber"), "route", data.text("route"),
                "holder", Bodies.of("organisation", data.text("holder.organisation"),
                        "principalInvestigator", data.text("holder.principalInvestigator")),
                "projectId", data.text("projectId"), "title", data.text("title"), "purpose", data.text("purpose"),
                "datasets", data.rows("datasets"), "persons", data.rows("persons"),
                "validFrom", data.text("validFrom"), "validUntil", data.text("validUntil"), "conditions", data.text("conditions"));
        try {
            Permit recorded = permits.record(body);
            return Redirects.to("/permits/" + Paths.segment(recorded.id()), "permit-recorded");
        } catch (ApiProblem refused) {
            Form form = Form.of(data).refused(refused, PERMIT_INPUTS, page.locale());
            return Pages.refused(refused, Templates.record(form, chooseRoute(page.user())));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance permit(@PathParam("id") String id) {
        return permitPage(id, Form.empty());
    }

    private TemplateInstance permitPage(String id, Form revocation) {
        Permit permit = permits.get(id);
        return Templates.permit(permit, permits.versions(id), permits.releases(id), page.user().issued(permit.route(), permit.issuer()),
                revocation);
    }

    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            permits.revoke(id, Bodies.of("reason", data.text("reason")));
            return Redirects.to("/permits/" + Paths.segment(id), "permit-revoked");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, permitPage(id, Form.of(data).refused(refused, List.of("reason"), page.locale())));
        }
    }

    @GET
    @Path("/{id}/amend")
    public TemplateInstance amendForm(@PathParam("id") String id) {
        Permit permit = permits.get(id);
        Form form = Form.empty().with("validUntil", permit.validUntil().toString());
        for (int i = 0; i < permit.persons().size(); i++) {
            Permit.Person person = permit.persons().get(i);
            form.with("persons[" + i + "].userId", person.userId()).with("persons[" + i + "].name", person.name())
                    .with("persons[" + i + "].email", person.email());
        }
        for (int i = 0; i < permit.datasets().size(); i++) {
            Permit.Dataset dataset = permit.datasets().get(i);
            form.with("datasets[" + i + "].id", dataset.id()).with("datasets[" + i + "].controller", dataset.controller())
                    .with("datasets[" + i + "].title", dataset.title());
        }
        return Templates.amend(permit, form);
    }

    /** Sends only what changed: a person or dataset list as before is no change, as the API counts it. */
    @POST
    @Path("/{id}/amend")
    public Response amend(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        Permit permit = permits.get(id);
        List<Map<String, String>> persons = data.rows("persons");
        List<Map<String, String>> datasets = data.rows("datasets");
        Map<String, Object> body = Bodies.of("reason", data.text("reason"));
        if (!permit.validUntil().toString().equals(data.text("validUntil"))) {
            body.put("validUntil", data.text("validUntil"));
        }
        if (!persons.equals(permit.persons().stream().map(p -> Map.of("userId", p.userId(), "name", p.name(), "email", p.email())).toList())) {
            body.put("persons", persons);
        }
        if (!datasets.equals(permit.datasets().stream().map(d -> Map.of("id", d.id(), "controller", d.controller(), "title", d.title()))
                .toList())) {
            body.put("datasets", datasets);
        }
        try {
            permits.amend(id, body);
            return Redirects.to("/permits/" + Paths.segment(id), "permit-amended");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.amend(permit, Form.of(data).refused(refused, AMENDMENT_INPUTS, page.locale())));
        }
    }

    @GET
    @Path("/{id}/releases/new")
    public TemplateInstance releaseForm(@PathParam("id") String id) {
        return Templates.release(permits.get(id), Form.empty());
    }

    @POST
    @Path("/{id}/releases")
    public Response release(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            permits.release(id, Bodies.of("datasetId", data.text("datasetId"), "files", data.rows("files")));
            return Redirects.to("/permits/" + Paths.segment(id), "data-released");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.release(permits.get(id), Form.of(data).refused(refused, RELEASE_INPUTS, page.locale())));
        }
    }

    private static boolean chooseRoute(Viewer viewer) {
        return viewer.has(Viewer.PERMIT_AUTHORITY) && viewer.has(Viewer.DATA_CONTROLLER);
    }
}
