package fi.sd.apply.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.apply.api.BlocklistView;
import fi.sd.apply.service.BlocklistService;
import fi.sd.apply.service.EntitlementService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Entitlements (who may use which dataset, until when) and the blocklist revocations fill. */
@Path("/api/v1/entitlements")
@Tag(name = "Entitlements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementResource {

    private final EntitlementService entitlements;
    private final BlocklistService blocklist;
    private final Caller caller;

    @Inject
    public EntitlementResource(EntitlementService entitlements, BlocklistService blocklist, Caller caller) {
        this.entitlements = entitlements;
        this.blocklist = blocklist;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Entitlements you may see, newest first", description = "Your own; a data-controller's organisation's; all "
            + "for auditors and admins. Filters: userId, datasetId, permitId, active (true: only those in force). Paging: page, size.")
    public Response list(@QueryParam("userId") String userId, @QueryParam("datasetId") String datasetId,
            @QueryParam("permitId") String permitId, @QueryParam("active") String active, @QueryParam("page") String page,
            @QueryParam("size") String size, UriInfo uri) {
        PageRequest paging = PageRequest.parse(page, size);
        return entitlements.list(caller, QueryParams.userId("userId", userId), QueryParams.id("datasetId", datasetId),
                QueryParams.id("permitId", permitId), QueryParams.flag("active", active), paging).toResponse(uri);
    }

    @GET
    @Path("/blocklist")
    @Operation(summary = "Users barred from datasets by revocations", description = "A data-controller's organisation's datasets; "
            + "all for auditors and admins.")
    public List<BlocklistView> blocklist() {
        return blocklist.list(caller);
    }

    @DELETE
    @Path("/blocklist/{datasetId}/{userId}")
    @Operation(summary = "Lift a block (the dataset's data-controller)")
    public Response lift(@PathParam("datasetId") String datasetId, @PathParam("userId") String userId) {
        blocklist.lift(datasetId, userId, caller);
        return Response.noContent().build();
    }
}
