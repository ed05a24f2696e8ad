package fi.sd.web.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** desktop-service's part of the API (SD Desktop, the airlock, the audit log), through the gateway. */
@Path("/api/v1")
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
public interface DesktopApi {

    @GET
    @Path("/workspaces")
    RestResponse<List<Workspace>> workspaces(@QueryParam("status") String status, @QueryParam("projectId") String projectId,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/workspaces/{id}")
    Workspace workspace(@PathParam("id") String id);

    @GET
    @Path("/workspaces/{id}/desktops")
    List<Desktop> desktops(@PathParam("id") String workspaceId);

    @POST
    @Path("/workspaces/{id}/desktops")
    Desktop createDesktop(@PathParam("id") String workspaceId, Map<String, Object> desktop);

    @GET
    @Path("/desktops/{id}")
    Desktop desktop(@PathParam("id") String id);

    /** {@code pause}, {@code resume} or {@code reboot}. */
    @POST
    @Path("/desktops/{id}/{command}")
    Desktop desktopCommand(@PathParam("id") String id, @PathParam("command") String command);

    @DELETE
    @Path("/desktops/{id}")
    Desktop deleteDesktop(@PathParam("id") String id);

    @POST
    @Path("/desktops/{id}/sessions")
    OpenedSession openSession(@PathParam("id") String desktopId);

    @GET
    @Path("/sessions/{id}")
    Session session(@PathParam("id") String id);

    @POST
    @Path("/sessions/{id}/heartbeat")
    Session heartbeat(@PathParam("id") String id);

    @DELETE
    @Path("/sessions/{id}")
    void closeSession(@PathParam("id") String id);

    @GET
    @Path("/workspaces/{id}/imports")
    RestResponse<List<AirlockImport>> imports(@PathParam("id") String workspaceId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/workspaces/{id}/imports")
    AirlockImport requestImport(@PathParam("id") String workspaceId, Map<String, Object> request);

    @GET
    @Path("/imports")
    RestResponse<List<AirlockImport>> importQueue(@QueryParam("status") List<String> status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/imports/{id}")
    AirlockImport airlockImport(@PathParam("id") String id);

    /** {@code approve}, {@code reject}, {@code complete}, {@code fail} or {@code cancel}, with an optional comment. */
    @POST
    @Path("/imports/{id}/{command}")
    AirlockImport decideImport(@PathParam("id") String id, @PathParam("command") String command, Map<String, Object> decision);

    @GET
    @Path("/workspaces/{id}/exports")
    RestResponse<List<AirlockExport>> exports(@PathParam("id") String workspaceId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/workspaces/{id}/exports")
    AirlockExport requestExport(@PathParam("id") String workspaceId, Map<String, Object> request);

    @GET
    @Path("/exports")
    RestResponse<List<AirlockExport>> exportQueue(@QueryParam("status") List<String> status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/exports/{id}")
    AirlockExport export(@PathParam("id") String id);

    /** {@code approve}, {@code reject} or {@code cancel}, with an optional comment (required to reject). */
    @POST
    @Path("/exports/{id}/{command}")
    AirlockExport decideExport(@PathParam("id") String id, @PathParam("command") String command, Map<String, Object> decision);

    @GET
    @Path("/audit")
    RestResponse<List<AuditEntry>> audit(@QueryParam("workspaceId") String workspaceId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/audit/verify")
    AuditVerification verifyAudit();
}
