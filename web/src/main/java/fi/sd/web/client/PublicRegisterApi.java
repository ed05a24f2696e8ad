package fi.sd.web.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The public permit register: no token, whoever asks. */
@Path("/api/v1/public/permits")
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(ApiProblemMapper.class)
public interface PublicRegisterApi {

    @GET
    RestResponse<List<PublicPermit>> list(@QueryParam("status") String status, @QueryParam("journalNumber") String journalNumber,
            @QueryParam("page") int page, @QueryParam("size") int size);
}
