package fi.sd.desktop.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import fi.sd.desktop.api.DecisionRequest;
import fi.sd.desktop.api.ExportView;
import fi.sd.desktop.domain.ExportCommand;
import fi.sd.desktop.domain.ExportStatus;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.service.ExportContent;
import fi.sd.desktop.service.ExportService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** One export and its review. */
@Path("/api/v1/exports")
@Tag(name = "Airlock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final ExportService service;
    private final ExportContent content;
    private final StoredFileResponses files;
    private final Caller caller;

    @Inject
    public ExportResource(ExportService service, ExportContent content, StoredFileResponses files, Caller caller) {
        this.service = service;
        this.content = content;
        this.files = files;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The review queue: exports of every workspace, oldest request first (service-desk, permit-authority, auditor, admin)",
            description = "Filter: status, repeatable (SUBMITTED, IN_REVIEW, APPROVED, REJECTED, CANCELLED); none: every state. Paging: page (from 0), size (1-200, default 50); "
                    + "the total is in X-Total-Count, the neighbouring pages in Link (rel next, prev). 403 for anyone else.")
    public Response queue(@QueryParam("status") List<String> status, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        Set<ExportStatus> states = EnumSet.noneOf(ExportStatus.class);
        status.forEach(given -> QueryParams.oneOf("status", given, ExportStatus.class).ifPresent(states::add));
        return service.queue(caller, states, PageRequest.parse(page, size)).map(AirlockMapper::toView).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One export with its files and decisions (members, service-desk, permit-authority, auditor, admin)")
    public ExportView get(@PathParam("id") String id) {
        return AirlockMapper.toView(service.find(id, caller));
    }

    /** The file's path in {@code /export} is the rest of the path, its segments percent-encoded ({@code .../files/results/table1.csv}). */
    @GET
    @Path("/{id}/files/{path: .+}")
    @Produces({ MediaType.APPLICATION_OCTET_STREAM, "text/plain; charset=UTF-8", MediaType.APPLICATION_JSON })
    @Operation(summary = "A file of the export, decrypted, for its reviewers (service-desk, permit-authority; not its requester)",
            description = "While the export is SUBMITTED, IN_REVIEW or APPROVED. The bytes copied from /export when it was requested, "
                    + "as an attachment with Content-Length, ETag (the SHA-256) and Repr-Digest; each read is audited (export.file.read). "
                    + "?preview=true: text/plain; charset=UTF-8, at most the first sd.desktop.exports.preview-size bytes (64 KiB) "
                    + "of a text or CSV file (X-Preview-Truncated says whether there is more), 415 for other types. 403: the "
                    + "requester (who downloads through download links once approved) or another member; 404: an export or path "
                    + "you cannot see, or a rejected or cancelled export (its files are deleted).")
    public Response file(@PathParam("id") String id, @PathParam("path") String path, @QueryParam("preview") boolean preview) {
        ExportContent.StoredExportFile file = content.reviewerRead(id, path, preview, caller);
        return preview ? files.preview(file) : files.download(file);
    }

    @POST
    @Path("/{id}/download-links")
    @Operation(summary = "Links for the requester to download the approved export's files (the requester)",
            description = "201 {links: [{path, sizeBytes, sha256, href, expiresAt}]}: href is /api/v1/export-downloads/{token}, "
                    + "usable by the requester only (with their own token as well) until expiresAt (sd.desktop.exports.download-link-ttl, "
                    + "15 minutes). 403: anyone but the requester; 409: not APPROVED (as the commands answer a wrong state); 404: "
                    + "an export you cannot see, or rejected or cancelled.")
    public Response downloadLinks(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(content.issueLinks(id, caller)).build();
    }

    @POST
    @Path("/{id}/{command}")
    @Operation(summary = "approve or reject (service-desk, permit-authority) or cancel (the requester) an export",
            description = "Body {comment}, optional except for reject. The export is APPROVED (ExportApproved) once the "
                    + "service-desk and, for HIGH risk, the permit-authority approved it, each a different person; any reject ends it "
                    + "(ExportRejected). 403: your role may not, or you requested it (two-person rule); 409: not in this state, or "
                    + "your approval is already in or not needed; 404: no such export or command.")
    public ExportView command(@PathParam("id") String id, @PathParam("command") String command, @Valid DecisionRequest request) {
        ExportCommand parsed = ExportCommand.fromPath(command).orElseThrow(() -> ProblemException.notFound("Command", command));
        return service.decide(id, parsed, request == null ? null : request.comment(), caller);
    }
}
