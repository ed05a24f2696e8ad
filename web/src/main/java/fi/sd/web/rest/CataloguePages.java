package fi.sd.web.rest;

import java.util.ArrayList;
import java.util.Arrays;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.ApplyApi;
import fi.sd.web.client.CatalogueItem;
import fi.sd.web.page.Bodies;
import fi.sd.web.page.Form;
import fi.sd.web.page.FormData;
import fi.sd.web.page.PageContext;
import fi.sd.web.security.Viewer;

/**
 * SD Apply's catalogue: researchers read the datasets, their terms and questions, and apply; a
 * register's controller offers its datasets, versions their terms and sets the application's questions.
 */
@Path("/catalogue")
@Authenticated
public class CataloguePages {

    static final List<String> ITEM_INPUTS = List.of("datasetId", "title", "description", "organisation", "enabled", "terms", "terms[]",
            "fields", "fields[]");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(List<CatalogueItem> items);

        static native TemplateInstance item(CatalogueItem item, Form form);
    }

    private final ApplyApi apply;
    private final PageContext page;

    @Inject
    public CataloguePages(@RestClient ApplyApi apply, PageContext page) {
        this.apply = apply;
        this.page = page;
    }

    @GET
    public TemplateInstance catalogue() {
        return Templates.catalogue(apply.catalogue());
    }

    @GET
    @Path("/new")
    public TemplateInstance offerForm() {
        Viewer viewer = page.user();
        return Templates.item(null, Form.empty().with("organisation", viewer.org() == null ? "" : viewer.org()).with("enabled", "true"));
    }

    @POST
    public Response offer(MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            apply.offer(body(data));
            return Redirects.to("/catalogue", "item-offered");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.item(null, Form.of(data).refused(refused, ITEM_INPUTS, page.locale())));
        }
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance editForm(@PathParam("id") String id) {
        CatalogueItem item = apply.catalogueItem(id);
        Form form = Form.empty().with("datasetId", item.datasetId()).with("title", item.title())
                .with("description", item.description()).with("organisation", item.organisation())
                .with("enabled", Boolean.toString(item.enabled()));
        for (int i = 0; i < item.terms().size(); i++) {
            CatalogueItem.Term term = item.terms().get(i);
            form.with("terms[" + i + "].id", term.id()).with("terms[" + i + "].title", term.title()).with("terms[" + i + "].text", term.text());
        }
        for (int i = 0; i < item.fields().size(); i++) {
            CatalogueItem.Field field = item.fields().get(i);
            form.with("fields[" + i + "].id", field.id()).with("fields[" + i + "].type", field.type())
                    .with("fields[" + i + "].label", field.label()).with("fields[" + i + "].required", Boolean.toString(field.required()))
                    .with("fields[" + i + "].options", field.options() == null ? "" : String.join("\n", field.options()));
        }
        return Templates.item(item, form);
    }

    @POST
    @Path("/{id}")
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            apply.update(id, body(data));
            return Redirects.to("/catalogue", "item-updated");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.item(apply.catalogueItem(id), Form.of(data).refused(refused, ITEM_INPUTS,
                    page.locale())));
        }
    }

    /** The item as the API takes it: a question's options one per line, "required" a box to tick. */
    private static Map<String, Object> body(FormData data) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Map<String, String> row : data.rows("fields")) {
            String options = row.get("options");
            fields.add(Bodies.of("id", row.get("id"), "type", row.get("type"), "label", row.get("label"),
                    "required", "true".equals(row.get("required")),
                    "options", options == null ? List.of() : Arrays.stream(options.split("\\R")).map(String::strip).filter(o -> !o.isEmpty())
                            .toList()));
        }
        return Bodies.of("datasetId", data.text("datasetId"), "title", data.text("title"),
                "description", data.text("description") == null ? "" : data.text("description"), "organisation", data.text("organisation"),
                "terms", data.rows("terms"), "fields", fields, "enabled", data.checked("enabled"));
    }
}
