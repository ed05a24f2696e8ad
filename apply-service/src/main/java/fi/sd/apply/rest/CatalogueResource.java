package fi.sd.apply.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import fi.sd.apply.api.CatalogueRequest;
import fi.sd.apply.api.CatalogueView;
import fi.sd.apply.service.CatalogueService;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** The catalogue of datasets that can be applied for. */
@Path("/api/v1/catalogue")
@Tag(name = "Catalogue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final CatalogueService service;
    private final Caller caller;

    @Inject
    public CatalogueResource(CatalogueService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The catalogue", description = "Enabled items for every signed-in user; a data-controller also sees its "
            + "organisation's disabled ones.")
    public List<CatalogueView> list() {
        return service.list(caller);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One catalogue item")
    public CatalogueView get(@PathParam("id") String id) {
        return service.find(id, caller);
    }

    @POST
    @Operation(summary = "Offer a dataset (data-controller of the organisation)", description = "Title, description, terms of use "
            + "(each versioned), form fields (TEXT, LONG_TEXT, DATE, OPTION, CHECKBOX; required ones are enforced at submit). "
            + "403 for another organisation; 409 when the dataset is already offered.")
    public Response create(@NotNull @Valid CatalogueRequest request, UriInfo uri) {
        CatalogueView item = service.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(item.id()).build()).entity(item).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit, disable or enable an item (its organisation's data-controller)", description = "A changed term "
            + "becomes its next version; applications keep the version each member accepted.")
    public CatalogueView update(@PathParam("id") String id, @NotNull @Valid CatalogueRequest request) {
        return service.update(id, request, caller);
    }
}
