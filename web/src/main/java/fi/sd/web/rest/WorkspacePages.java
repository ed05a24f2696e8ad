package fi.sd.web.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import fi.sd.web.client.Desktop;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.Listing;
import fi.sd.web.client.Workspace;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.Bodies;
import fi.sd.web.page.Form;
import fi.sd.web.page.FormData;
import fi.sd.web.page.PageContext;
import fi.sd.web.page.Query;

/**
 * SD Desktop: a project's workspaces, the datasets mounted in them, their desktops (created, followed
 * live while the cloud works, paused, resumed, rebooted, deleted) and the airlock's requests.
 */
@Path("/")
@Authenticated
public class WorkspacePages {

    static final List<String> DESKTOP_INPUTS = List.of("name", "flavour", "image", "volumeGb");
    static final List<String> IMPORT_INPUTS = List.of("kind", "description");
    /** The commands the desktop page offers, as desktop-service names them. */
    static final List<String> DESKTOP_COMMANDS = List.of("pause", "resume", "reboot", "delete");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workspaces(Listing<Workspace> workspaces, String status, String query);

        static native TemplateInstance workspace(Workspace workspace, List<Desktop> desktops, Listing<AirlockImport> imports,
                Listing<AirlockExport> exports, Form desktopForm, Form importForm, String failure);

        static native TemplateInstance workspace$desktops(Workspace workspace, List<Desktop> desktops, String failure);
    }

    private final DesktopApi desktops;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public WorkspacePages(@RestClient DesktopApi desktops, PageContext page, WebConfig config) {
        this.desktops = desktops;
        this.page = page;
        this.config = config;
    }

    @GET
    @Path("workspaces")
    public TemplateInstance workspaces(@RestQuery String status, @RestQuery int page) {
        String state = Filters.oneOf(status, "PROVISIONING", "READY", "LOCKED", "PURGED");
        int from = Math.max(0, page);
        return Templates.workspaces(Listing.of(desktops.workspaces(state, null, from, config.pageSize()), from, config.pageSize()), state,
                Query.of("status", state));
    }

    @GET
    @Path("workspaces/{id}")
    public TemplateInstance workspace(@PathParam("id") String id) {
        return workspacePage(id, Form.empty().with("flavour", "small").with("volumeGb", "50"), Form.empty());
    }

    TemplateInstance workspacePage(String id, Form desktopForm, Form importForm) {
        Workspace workspace = desktops.workspace(id);
        return Templates.workspace(workspace, desktops.desktops(id),
                Listing.of(desktops.imports(id, 0, 10), 0, 10), Listing.of(desktops.exports(id, 0, 10), 0, 10), desktopForm, importForm, null);
    }

    /** The desktops part alone: what the page asks for every few seconds while a desktop is being built or changed. */
    @GET
    @Path("workspaces/{id}/desktops")
    public TemplateInstance desktopList(@PathParam("id") String id) {
        return Templates.workspace$desktops(desktops.workspace(id), desktops.desktops(id), null);
    }

    @POST
    @Path("workspaces/{id}/desktops")
    public Response createDesktop(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        Map<String, Object> body = Bodies.of("name", data.text("name"), "flavour", data.text("flavour"),
                "image", data.text("image") == null ? "ubuntu-22.04" : data.text("image"), "volumeGb", data.text("volumeGb"));
        try {
            desktops.createDesktop(id, body);
            return Redirects.to("/workspaces/" + Paths.segment(id) + "#desktops", "desktop-requested");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, workspacePage(id, Form.of(data).refused(refused, DESKTOP_INPUTS, page.locale()), Form.empty()));
        }
    }

    /**
     * Pause, resume, reboot or delete. From a script (htmx) the answer is the desktops part again, with the
     * refusal in it when there was one; without one, the workspace page.
     */
    @POST
    @Path("desktops/{id}/{command}")
    public Response desktopCommand(@PathParam("id") String id, @PathParam("command") String command,
            @HeaderParam("HX-Request") String script) {
        if (!DESKTOP_COMMANDS.contains(command)) {
            throw new NotFoundException();
        }
        Desktop desktop = desktops.desktop(id);
        String failure = null;
        try {
            if ("delete".equals(command)) {
                desktops.deleteDesktop(id);
            } else {
                desktops.desktopCommand(id, command);
            }
        } catch (ApiProblem refused) {
            if (refused.is(404) || refused.status() >= 500 || script == null) {
                throw refused;
            }
            failure = refused.detail();
        }
        if (script != null) {
            return Pages.html(200, Templates.workspace$desktops(desktops.workspace(desktop.workspaceId()),
                    desktops.desktops(desktop.workspaceId()), failure));
        }
        return Redirects.to("/workspaces/" + Paths.segment(desktop.workspaceId()) + "#desktops", "desktop-" + command);
    }

    @POST
    @Path("workspaces/{id}/imports")
    public Response requestImport(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            AirlockImport requested = desktops.requestImport(id, Bodies.of("kind", data.text("kind"), "description", data.text("description")));
            return Redirects.to("/imports/" + Paths.segment(requested.id()), "import-requested");
        } catch (ApiProblem refused) {
            return Pages.refused(refused, workspacePage(id, Form.empty().with("flavour", "small").with("volumeGb", "50"),
                    Form.of(data).refused(refused, IMPORT_INPUTS, page.locale())));
        }
    }
}
