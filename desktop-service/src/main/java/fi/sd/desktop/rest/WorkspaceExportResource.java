package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.api.ExportRequest;
import fi.sd.desktop.api.ExportView;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.service.ExportCopies;
import fi.sd.desktop.service.ExportService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** A workspace's exports: members submit results for review; reviewers see the project's earlier exports. */
@Path("/api/v1/workspaces/{workspaceId}/exports")
@Tag(name = "Airlock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceExportResource {

    private final ExportService service;
    private final ExportCopies copies;
    private final Caller caller;

    @Inject
    public WorkspaceExportResource(ExportService service, ExportCopies copies, Caller caller) {
        this.service = service;
        this.copies = copies;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Submit result files from the desktop's /export folder for review before they leave the workspace (members)",
            description = "files[].path is relative to /export; the service copies those exact bytes into encrypted storage "
                    + "(what the reviewers see is what leaves) and computes each file's size and SHA-256 (sizeBytes and sha256 "
                    + "are optional: given, they must be the file's). The copy may take minutes, so it runs after the answer: "
                    + "202 COPYING with a Location to poll; once copied the export is SUBMITTED (ExportRequested), or "
                    + "COPY_FAILED with copyError (a file gone or changed, a sha256 not the file's, the provider unreachable "
                    + "after retries). 400: a malformed field, a path listed twice, or no riskAssessment for HIGH; 403: not a "
                    + "member; 404: no such workspace or not visible to you; 409: the workspace is not READY; 413: a file over "
                    + "the size limit, or files over the workspace's quota; 422: a path not in /export (or a symbolic link, or "
                    + "leading outside it), a sizeBytes not the file's, or no findataNotificationRef in a Findata permit's "
                    + "workspace.")
    public Response request(@PathParam("workspaceId") String workspaceId, @NotNull @Valid ExportRequest request, @Context UriInfo uri) {
        ExportView accepted = copies.request(workspaceId, request, caller);
        return Response.accepted(accepted).location(uri.getBaseUriBuilder().path(ExportResource.class).path(accepted.id()).build())
                .build();
    }

    @GET
    @Operation(summary = "Exports with their files and decisions, newest first",
            description = "service-desk, permit-authority, auditor, admin: every export of the workspace's project (all its "
                    + "permits' workspaces), to compare with earlier ones; members: the workspace's own. Paging: page (from 0), size (1-200, default 50); the total is in X-Total-Count, the neighbouring pages "
                    + "in Link (rel next, prev).")
    public Response list(@PathParam("workspaceId") String workspaceId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        return service.ofWorkspace(workspaceId, caller, PageRequest.parse(page, size)).map(AirlockMapper::toView).toResponse(uri);
    }
}
