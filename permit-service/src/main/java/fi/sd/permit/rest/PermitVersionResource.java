package fi.sd.permit.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.permit.api.PermitVersionView;
import fi.sd.permit.service.PermitQueries;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Every version of a permit, kept as it was recorded. */
@Path("/api/v1/permits/{id}/versions")
@Tag(name = "Permits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PermitVersionResource {

    private final PermitQueries queries;
    private final Caller caller;

    @Inject
    public PermitVersionResource(PermitQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every version of a permit, oldest first", description = "Visible to whoever may see the permit.")
    public List<PermitVersionView> versions(@PathParam("id") String id) {
        return queries.versions(id, caller);
    }

    @GET
    @Path("/{n: [0-9]{1,9}}")
    @Operation(summary = "One version of a permit", description = "404 when the permit or the version does not exist, or you may "
            + "not see the permit.")
    public PermitVersionView version(@PathParam("id") String id, @PathParam("n") int n) {
        return queries.version(id, n, caller);
    }
}
