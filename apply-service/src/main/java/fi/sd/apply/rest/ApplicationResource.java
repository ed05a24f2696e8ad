package fi.sd.apply.rest;

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

import fi.sd.apply.api.ApplicationRequest;
import fi.sd.apply.api.ApplicationView;
import fi.sd.apply.api.CommandRequest;
import fi.sd.apply.domain.ApplicationCommand;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.repository.ApplicationRepository;
import fi.sd.apply.service.ApplicationQueries;
import fi.sd.apply.service.ApplicationService;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** Access applications and their commands. */
@Path("/api/v1/applications")
@Tag(name = "Applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService service;
    private final ApplicationQueries queries;
    private final Caller caller;

    @Inject
    public ApplicationResource(ApplicationService service, ApplicationQueries queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a draft application", description = "The caller is the applicant. 422 unless the permit is an "
            + "active REGISTER permit naming the caller and covering every dataset, each offered in the catalogue.")
    public Response create(@NotNull @Valid ApplicationRequest request, UriInfo uri) {
        ApplicationView application = service.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(application.id()).build()).entity(application).build();
    }

    @GET
    @Operation(summary = "The applications you may see, newest first", description = "Your own (applicant, member, reviewer); a "
            + "data-controller's organisation's; all for auditors and admins. Filters: projectId, permitId, state. Paging: page, "
            + "size; the total in X-Total-Count.")
    public Response list(@QueryParam("projectId") String projectId, @QueryParam("permitId") String permitId,
            @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        PageRequest paging = PageRequest.parse(page, size);
        ApplicationRepository.Filters filters = new ApplicationRepository.Filters(QueryParams.id("projectId", projectId),
                QueryParams.id("permitId", permitId), QueryParams.oneOf("state", state, ApplicationState.class));
        return queries.list(caller, filters, paging).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One application with its history", description = "Private remarks and reviews are shown to handlers "
            + "and reviewers only.")
    public ApplicationView get(@PathParam("id") String id) {
        return queries.find(id, caller);
    }

    @POST
    @Path("/{id}/{command}")
    @Operation(summary = "Carry out a command", description = "save-draft {answers}, invite-member {userId}, accept-invitation, "
            + "accept-terms, remove-member {userId}, submit, copy-as-new (201, the new draft), return {comment}, approve {comment, "
            + "entitlementEnd?}, reject, close, revoke {comment}, remark {comment, public}, request-review {userIds}, review "
            + "{comment}. 403 wrong role; 409 not allowed in this state, or a concurrent command won; 422 a rule is broken.")
    public Response command(@PathParam("id") String id, @PathParam("command") String name, @Valid CommandRequest body, UriInfo uri) {
        ApplicationCommand command = ApplicationCommand.fromPath(name)
                .orElseThrow(() -> ProblemException.notFound("Command", name));
        ApplicationView view = service.execute(id, command, body == null ? CommandRequest.EMPTY : body, caller);
        if (command == ApplicationCommand.COPY_AS_NEW) {
            return Response.created(uri.getBaseUriBuilder().path(ApplicationResource.class).path(view.id()).build()).entity(view).build();
        }
        return Response.ok(view).build();
    }
}
