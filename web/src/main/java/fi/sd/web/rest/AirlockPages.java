package fi.sd.web.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

import fi.sd.web.client.AirlockExport;
import fi.sd.web.client.AirlockImport;
import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.Listing;
import fi.sd.web.client.Workspace;
import fi.sd.web.files.ExportPreviews;
import fi.sd.web.page.Bodies;
import fi.sd.web.page.Form;
import fi.sd.web.page.FormData;
import fi.sd.web.page.PageContext;

/**
 * The airlock: imports asked by members and run by the service desk; exports asked by members and
 * reviewed under the two-person rule, each shown beside the project's earlier exports to its reviewers.
 */
@Path("/")
@Authenticated
public class AirlockPages {

    static final List<String> EXPORT_INPUTS = List.of("files", "files[]", "riskLevel", "riskAssessment", "findataNotificationRef");
    static final List<String> IMPORT_COMMANDS = List.of("approve", "reject", "complete", "fail", "cancel");
    static final List<String> EXPORT_COMMANDS = List.of("approve", "reject", "cancel");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exportForm(Workspace workspace, Form form);

        static native TemplateInstance export(AirlockExport export, Listing<AirlockExport> earlier, boolean reviewer,
                boolean downloadable, Form form, String problem);

        static native TemplateInstance preview(AirlockExport export, String path, String text, boolean truncated, String problem);

        static native TemplateInstance airlockImport(AirlockImport request, Form form);
    }

    private final DesktopApi desktops;
    private final PageContext page;
    private final ExportPreviews previews;

    @Inject
    public AirlockPages(@RestClient DesktopApi desktops, PageContext page, ExportPreviews previews) {
        this.desktops = desktops;
        this.page = page;
        this.previews = previews;
    }

    @GET
    @Path("workspaces/{id}/exports/new")
    public TemplateInstance exportForm(@PathParam("id") String id) {
        return Templates.exportForm(desktops.workspace(id), Form.empty().with("riskLevel", "LOW"));
    }

    @POST
    @Path("workspaces/{id}/exports")
    public Response requestExport(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        Map<String, Object> body = Bodies.of("files", data.rows("files"), "riskLevel", data.text("riskLevel"),
                "riskAssessment", data.text("riskAssessment"), "findataNotificationRef", data.text("findataNotificationRef"));
        try {
            AirlockExport requested = desktops.requestExport(id, body);
            return Redirects.to("/exports/" + Paths.segment(requested.id()), "export-requested");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.exportForm(desktops.workspace(id), Form.of(data).refused(refused, EXPORT_INPUTS,
                    page.locale())));
        }
    }

    @GET
    @Path("exports/{id}")
    public TemplateInstance export(@PathParam("id") String id, @RestQuery String problem) {
        return exportPage(desktops.export(id), Form.empty(), Filters.oneOf(problem, "download-refused"));
    }

    /** A reviewer's look at a file of the export: its beginning as text, in the page. */
    @GET
    @Path("exports/{id}/preview")
    public TemplateInstance preview(@PathParam("id") String id, @RestQuery String path) {
        AirlockExport export = desktops.export(id);
        AirlockExport.File file = export.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(NotFoundException::new);
        ExportPreviews.Preview preview = previews.of(id, file.path());
        return Templates.preview(export, file.path(), preview.text(), preview.truncated(), preview.problem());
    }

    private TemplateInstance exportPage(AirlockExport export, Form form) {
        return exportPage(export, form, null);
    }

    private TemplateInstance exportPage(AirlockExport export, Form form, String problem) {
        boolean reviewer = page.user().reviews();
        // Reviewers compare with the project's earlier exports (a differencing attack spans several); members see their own.
        Listing<AirlockExport> earlier = reviewer || page.user().oversees()
                ? Listing.of(desktops.exports(export.workspaceId(), 0, 20), 0, 20) : null;
        boolean requester = export.requestedBy().equals(page.user().userId());
        return Templates.export(export, earlier, reviewer && !requester, requester && export.in("APPROVED"), form, problem);
    }

    @POST
    @Path("exports/{id}/{command}")
    public Response decideExport(@PathParam("id") String id, @PathParam("command") String command, MultivaluedMap<String, String> posted) {
        if (!EXPORT_COMMANDS.contains(command)) {
            throw new NotFoundException();
        }
        FormData data = new FormData(posted);
        try {
            desktops.decideExport(id, command, Bodies.of("comment", data.text("comment")));
            return Redirects.to("/exports/" + Paths.segment(id), "export-" + command);
        } catch (ApiProblem refused) {
            return Pages.refused(refused, exportPage(desktops.export(id), Form.of(data).scope("approve").refused(refused, List.of("comment"),
                    page.locale())));
        }
    }

    @GET
    @Path("imports/{id}")
    public TemplateInstance airlockImport(@PathParam("id") String id) {
        return Templates.airlockImport(desktops.airlockImport(id), Form.empty());
    }

    @POST
    @Path("imports/{id}/{command}")
    public Response decideImport(@PathParam("id") String id, @PathParam("command") String command, MultivaluedMap<String, String> posted) {
        if (!IMPORT_COMMANDS.contains(command)) {
            throw new NotFoundException();
        }
        FormData data = new FormData(posted);
        try {
            desktops.decideImport(id, command, Bodies.of("comment", data.text("comment")));
            return Redirects.to("/imports/" + Paths.segment(id), "import-" + command);
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.airlockImport(desktops.airlockImport(id),
                    Form.of(data).scope("decide").refused(refused, List.of("comment"), page.locale())));
        }
    }
}
