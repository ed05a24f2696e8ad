package fi.sd.permit.rest;

import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.permit.api.ReleaseRequest;
import fi.sd.permit.api.ReleaseView;
import fi.sd.permit.service.ReleaseFiles;
import fi.sd.permit.service.ReleaseService;
import fi.sd.permit.service.ReleaseUploads;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Data releases: a dataset's files delivered into the project's secure environment under a permit. */
@Path("/api/v1/permits/{id}/releases")
@Tag(name = "Releases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    private final ReleaseService releases;
    private final ReleaseUploads uploads;
    private final Caller caller;

    @Inject
    public ReleaseResource(ReleaseService releases, ReleaseUploads uploads, Caller caller) {
        this.releases = releases;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Declare a release", description = "Findata permit: permit-authority. Register permit: the dataset's "
            + "controller, once an approved access application covers the dataset (409 before). 409 unless the permit is ACTIVE; "
            + "422 when the dataset is not in the permit or a file is listed twice; 413 for a file over the largest file size, or "
            + "files over the permit's quota (the limit in the problem). The release is UPLOADING until every file is uploaded.")
    public Response release(@PathParam("id") String id, @NotNull @Valid ReleaseRequest request, UriInfo uri) {
        ReleaseView release = releases.release(id, request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(release.id()).build()).entity(release).build();
    }

    @GET
    @Operation(summary = "The permit's releases, oldest first", description = "Visible to whoever may see the permit.")
    public List<ReleaseView> list(@PathParam("id") String id) {
        return releases.releases(id, caller);
    }

    @GET
    @Path("/{releaseId}")
    @Operation(summary = "One release")
    public ReleaseView get(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        return releases.find(id, releaseId, caller);
    }

    /**
     * The file's name is the rest of the path, its segments percent-encoded, with {@code /} between
     * folders ({@code .../files/avohilmo/visits.csv.c4gh}).
     */
    @PUT
    @Path("/{releaseId}/files/{name: .+}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload a file of a release", description = "The release's issuer, as for declaring it. The body is the "
            + "file's bytes, streamed into encrypted storage; its size and SHA-256 must be the declared ones (422 otherwise, nothing "
            + "stored). 201 when stored and verified; the last file makes the release RELEASED and publishes DataReleased. "
            + "The same bytes again: 200 with the same file; other bytes for a stored file: 409. 413 over the size limit or quota.")
    public Response upload(@PathParam("id") String id, @PathParam("releaseId") String releaseId, @PathParam("name") String name,
            @HeaderParam("Content-Length") Long contentLength, InputStream body, UriInfo uri) {
        ReleaseFiles.Outcome outcome = uploads.upload(id, releaseId, name,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength), body, caller);
        return outcome.created()
                ? Response.created(uri.getAbsolutePath()).entity(outcome.file()).build()
                : Response.ok(outcome.file()).build();
    }
}
