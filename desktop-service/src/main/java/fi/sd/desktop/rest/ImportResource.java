package fi.sd.desktop.rest;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.service.ImportFiles;
import fi.sd.desktop.service.ImportService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** One import and the commands on it. */
@Path("/api/v1/imports")
@Tag(name = "Airlock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService service;
    private final ImportFiles files;
    private final Caller caller;

    @Inject
    public ImportResource(ImportService service, ImportFiles files, Caller caller) {
        this.service = service;
        this.files = files;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The review queue: imports of every workspace, oldest request first (service-desk, auditor, admin)",
            description = "Filter: status, repeatable (SUBMITTED, APPROVED, COMPLETED, REJECTED, FAILED, CANCELLED); none: every state. Paging: page (from 0), size (1-200, default 50); "
                    + "the total is in X-Total-Count, the neighbouring pages in Link (rel next, prev). 403 for anyone else.")
    public Response queue(@QueryParam("status") List<String> status, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        Set<ImportStatus> states = EnumSet.noneOf(ImportStatus.class);
        status.forEach(given -> QueryParams.oneOf("status", given, ImportStatus.class).ifPresent(states::add));
        return service.queue(caller, states, PageRequest.parse(page, size)).map(AirlockMapper::toView).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One import with its decisions (members, service-desk, auditor, admin)")
    public ImportView get(@PathParam("id") String id) {
        return AirlockMapper.toView(service.find(id, caller));
    }

    /** The file's name is the rest of the path, its segments percent-encoded, with {@code /} between folders. */
    @PUT
    @Path("/{id}/files/{name: .+}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload a file of an approved import (service-desk, not the requester)",
            description = "The body is the file's bytes, streamed into encrypted storage; shown in the desktops at "
                    + "/imports/{id}/{name} once the import is completed. An import that declared its files takes only those, "
                    + "each checked against its declared size and SHA-256 (422 otherwise, nothing stored); one that declared none "
                    + "takes any valid name, with a Content-Length. 201 when stored; the same bytes again: 200 with the same file; "
                    + "other bytes for a stored file: 409. 403: not the service desk, or your own request; 404: no such import or "
                    + "declared file; 409: not APPROVED; 413: over the size limit or the workspace's quota.")
    public Response upload(@PathParam("id") String id, @PathParam("name") String name, @HeaderParam("Content-Length") Long contentLength,
            InputStream body, @Context UriInfo uri) {
        ImportService.UploadOutcome outcome = files.upload(id, name, contentLength == null ? OptionalLong.empty()
                : OptionalLong.of(contentLength), body, caller);
        return outcome.created() ? Response.created(uri.getAbsolutePath()).entity(outcome.file()).build()
                : Response.ok(outcome.file()).build();
    }

    @POST
    @Path("/{id}/{command}")
    @Operation(summary = "approve, reject, complete, fail (service-desk) or cancel (the requester) an import",
            description = "Body {comment}, optional except for reject. complete delivers the uploaded files, decrypted and checked, "
                    + "read-only to /imports/{id} in the workspace's desktops, then publishes ImportCompleted (409 while a declared "
                    + "file is not uploaded). The files of a rejected, cancelled or failed import are deleted. 403: your role may "
                    + "not issue the command (nobody decides on their own request); 409: not in this state; 404: no such import or "
                    + "command.")
    public ImportView command(@PathParam("id") String id, @PathParam("command") String command, @Valid DecisionRequest request) {
        ImportCommand parsed = ImportCommand.fromPath(command).orElseThrow(() -> ProblemException.notFound("Command", command));
        String comment = request == null ? null : request.comment();
        return parsed == ImportCommand.COMPLETE ? files.complete(id, comment, caller) : service.decide(id, parsed, comment, caller);
    }
}
