package fi.sd.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's own endpoints. */
@Path("/api/v1")
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
public interface GatewayApi {

    @GET
    @Path("/me")
    Me me();

    @GET
    @Path("/projects/{projectId}/overview")
    ProjectOverview overview(@PathParam("projectId") String projectId);
}
