package fi.sd.permit.rest;

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

import fi.sd.permit.domain.Permit;
import fi.sd.permit.mapping.PermitMapper;
import fi.sd.permit.service.PermitService;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Data permits. */
@Path("/api/v1/permits")
@Tag(name = "Permits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermitResource {

    private final PermitService service;
    private final Caller caller;

    @Inject
    public PermitResource(PermitService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record a permit", description = "FINDATA: permit-authority. REGISTER: a data-controller whose org controls every dataset.")
    public Response grant(@NotNull @Valid PermitRequest request, UriInfo uri) {
        Permit permit = service.grant(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(permit.id).build()).entity(PermitMapper.toView(permit)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One permit, if you may see it")
    public PermitView get(@PathParam("id") String id) {
        return service.find(id, caller).map(PermitMapper::toView).orElseThrow(() -> ProblemException.notFound("Permit", id));
    }
}
