package fi.sd.web.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** permit-service's part of the API, through the gateway, as the signed-in person. */
@Path("/api/v1/permits")
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
public interface PermitApi {

    @GET
    RestResponse<List<Permit>> list(@QueryParam("status") String status, @QueryParam("projectId") String projectId,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Permit get(@PathParam("id") String id);

    @POST
    Permit record(Map<String, Object> permit);

    @POST
    @Path("/{id}/amendments")
    PermitVersion amend(@PathParam("id") String id, Map<String, Object> amendment);

    @POST
    @Path("/{id}/revocation")
    Permit revoke(@PathParam("id") String id, Map<String, Object> revocation);

    @GET
    @Path("/{id}/versions")
    List<PermitVersion> versions(@PathParam("id") String id);

    @GET
    @Path("/{id}/releases")
    List<Release> releases(@PathParam("id") String id);

    @POST
    @Path("/{id}/releases")
    Release release(@PathParam("id") String id, Map<String, Object> release);
}
