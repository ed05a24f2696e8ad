package fi.sd.web.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** apply-service's part of the API (SD Apply), through the gateway, as the signed-in person. */
@Path("/api/v1")
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
public interface ApplyApi {

    @GET
    @Path("/catalogue")
    List<CatalogueItem> catalogue();

    @GET
    @Path("/catalogue/{id}")
    CatalogueItem catalogueItem(@PathParam("id") String id);

    @POST
    @Path("/catalogue")
    CatalogueItem offer(Map<String, Object> item);

    @PUT
    @Path("/catalogue/{id}")
    CatalogueItem update(@PathParam("id") String id, Map<String, Object> item);

    @GET
    @Path("/applications")
    RestResponse<List<Application>> applications(@QueryParam("projectId") String projectId, @QueryParam("permitId") String permitId,
            @QueryParam("state") String state, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/applications/{id}")
    Application application(@PathParam("id") String id);

    @POST
    @Path("/applications")
    Application apply(Map<String, Object> application);

    /** {@code save-draft}, {@code submit}, {@code approve}, ...: the body is the command's (comment, userId, answers, ...). */
    @POST
    @Path("/applications/{id}/{command}")
    Application command(@PathParam("id") String id, @PathParam("command") String command, Map<String, Object> body);

    @GET
    @Path("/entitlements")
    RestResponse<List<Entitlement>> entitlements(@QueryParam("datasetId") String datasetId, @QueryParam("permitId") String permitId,
            @QueryParam("active") Boolean active, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/entitlements/blocklist")
    List<BlockedUser> blocklist();

    @DELETE
    @Path("/entitlements/blocklist/{datasetId}/{userId}")
    void lift(@PathParam("datasetId") String datasetId, @PathParam("userId") String userId);
}
