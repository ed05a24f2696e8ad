package fi.sd.permit.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.permit.api.Texts;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.service.PermitQueries;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.QueryParams;

/** The public register of permits (EHDS Art. 57(1)(j)): no token needed, no person named. */
@Path("/api/v1/public/permits")
@Tag(name = "Public register")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicPermitResource {

    private final PermitQueries queries;

    @Inject
    public PublicPermitResource(PermitQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Every permit, newest first, without persons", description = "Journal number, route, issuer, holder "
            + "organisation, title, purpose, dataset titles, validity and status. Filters: status, journalNumber (exact). Paging as "
            + "in GET /permits.")
    public Response list(@QueryParam("status") String status, @QueryParam("journalNumber") String journalNumber,
            @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        return queries.publicRegister(QueryParams.oneOf("status", status, PermitStatus.class),
                QueryParams.matching("journalNumber", journalNumber, Texts.JOURNAL_NUMBER, Texts.JOURNAL_NUMBER_MESSAGE),
                PageRequest.parse(page, size)).toResponse(uri);
    }
}
