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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.permit.api.AmendmentRequest;
import fi.sd.permit.api.PermitRequest;
import fi.sd.permit.api.PermitVersionView;
import fi.sd.permit.api.PermitView;
import fi.sd.permit.api.RevocationRequest;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.service.PermitQueries;
import fi.sd.permit.service.PermitService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Data permits: recording, reading, amending and revoking them. */
@Path("/api/v1/permits")
@Tag(name = "Permits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermitResource {

    private final PermitService service;
    private final PermitQueries queries;
    private final Caller caller;

    @Inject
    public PermitResource(PermitService service, PermitQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record a permit", description = "FINDATA: permit-authority. REGISTER: a data-controller whose org controls "
            + "every dataset. 400: a malformed field; 422: validFrom after validUntil, more than 10 years, validUntil past, a dataset "
            + "or person listed twice; 409: the journal number is already recorded.")
    public Response grant(@NotNull @Valid PermitRequest request, UriInfo uri) {
        PermitView permit = service.grant(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(permit.id()).build()).entity(permit).build();
    }

    @GET
    @Operation(summary = "The permits you may see, newest first", description = "Filters: status (ACTIVE, EXPIRED, REVOKED), "
            + "projectId. Paging: page (from 0), size (1-200, default 50); the total is in X-Total-Count, the neighbouring pages "
            + "in Link (rel next, prev).")
    public Response list(@QueryParam("status") String status, @QueryParam("projectId") String projectId,
            @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        PageRequest paging = PageRequest.parse(page, size);
        return queries.list(caller, QueryParams.oneOf("status", status, PermitStatus.class), QueryParams.id("projectId", projectId), paging)
                .toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One permit, if you may see it", description = "Visible to its issuer, its persons, auditors and admins.")
    public PermitView get(@PathParam("id") String id) {
        return queries.find(id, caller);
    }

    @POST
    @Path("/{id}/amendments")
    @Operation(summary = "Amend a permit (issuer only)", description = "New validUntil and/or the new full lists of persons and "
            + "datasets, with a reason: a new version and PermitAmended. 409 unless ACTIVE; 422 when it changes nothing or breaks "
            + "the validity rules.")
    public Response amend(@PathParam("id") String id, @NotNull @Valid AmendmentRequest request, UriInfo uri) {
        PermitVersionView version = service.amend(id, request, caller);
        return Response.created(uri.getBaseUriBuilder().path(PermitVersionResource.class).path(String.valueOf(version.version()))
                .build(id)).entity(version).build();
    }

    @POST
    @Path("/{id}/revocation")
    @Operation(summary = "Revoke a permit (issuer only)", description = "Ends it for good, as a new version, and publishes "
            + "PermitRevoked. 409 unless ACTIVE.")
    public PermitView revoke(@PathParam("id") String id, @NotNull @Valid RevocationRequest request) {
        return service.revoke(id, request, caller);
    }
}
