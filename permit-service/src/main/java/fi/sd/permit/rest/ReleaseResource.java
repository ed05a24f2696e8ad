package fi.sd.permit.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import fi.sd.permit.service.ReleaseService;
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
    private final Caller caller;

    @Inject
    public ReleaseResource(ReleaseService releases, Caller caller) {
        this.releases = releases;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record a release", description = "Findata permit: permit-authority. Register permit: the dataset's "
            + "controller, once an approved access application covers the dataset (409 before). 409 unless the permit is ACTIVE; "
            + "422 when the dataset is not in the permit or a file is listed twice.")
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
}
