package fi.sd.desktop.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.api.DecisionRequest;
import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.domain.ImportCommand;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.desktop.mapping.AirlockMapper;
import fi.sd.desktop.service.ImportService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** One import and the commands on it. */
@Path("/api/v1/imports")
@Tag(name = "Airlock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService service;
    private final Caller caller;

    @Inject
    public ImportResource(ImportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The review queue: imports of every workspace, oldest request first (service-desk, auditor, admin)",
            description = "Filter: status, repeatable (SUBMITTED, APPROVED, COMPLETED, REJECTED, FAILED, CANCELLED); none: every state. Paging: page (from 0), size (1-200, default 50); "
                    + "the total is in X-Total-Count, the neighbouring pages in Link (rel next, prev). 403 for anyone else.")
    public Response queue(@QueryParam("status") List<String> status, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        Set<ImportStatus> states = EnumSet.noneOf(ImportStatus.class);
        status.forEach(given -> QueryParams.oneOf("status", given, ImportStatus.class).ifPresent(states::add));
        return service.queue(caller, states, PageRequest.parse(page, size)).map(AirlockMapper::toView).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One import with its decisions (members, service-desk, auditor, admin)")
    public ImportView get(@PathParam("id") String id) {
        return AirlockMapper.toView(service.find(id, caller));
    }

    @POST
    @Path("/{id}/{command}")
    @Operation(summary = "approve, reject, complete, fail (service-desk) or cancel (the requester) an import",
            description = "Body {comment}, optional except for reject. complete publishes ImportCompleted. 403: your role may not "
                    + "issue the command (nobody decides on their own request); 409: not in this state; 404: no such import or "
                    + "command.")
    public ImportView command(@PathParam("id") String id, @PathParam("command") String command, @Valid DecisionRequest request) {
        ImportCommand parsed = ImportCommand.fromPath(command).orElseThrow(() -> ProblemException.notFound("Command", command));
        return service.decide(id, parsed, request == null ? null : request.comment(), caller);
    }
}
