package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.audit.AuditLog.AuditQuery;
import fi.sd.desktop.audit.AuditVerification;
import fi.sd.desktop.mapping.AuditMapper;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.QueryParams;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;
import io.quarkus.security.Authenticated;

/** The audit log of the secure environment, for auditors and admins. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog auditLog;
    private final Caller caller;

    @Inject
    public AuditResource(AuditLog auditLog, Caller caller) {
        this.auditLog = auditLog;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Audit entries, newest first (auditor, admin)",
            description = "Filters: workspaceId, actor, from and to (ISO-8601 instants; from inclusive, to exclusive). Paging: "
                    + "page (from 0), size (1-200, default 50); the total is in X-Total-Count, the neighbouring pages in Link.")
    public Response search(@QueryParam("workspaceId") String workspaceId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        caller.requireAny(Role.AUDITOR, Role.ADMIN);
        PageRequest paging = PageRequest.parse(page, size);
        AuditQuery filter = new AuditQuery(QueryParams.id("workspaceId", workspaceId), QueryParams.userId("actor", actor),
                QueryParams.instant("from", from), QueryParams.instant("to", to));
        return auditLog.search(filter, paging).map(AuditMapper::toView).toResponse(uri);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walks the hash chain from the first entry (auditor, admin)",
            description = "valid is false when an entry was altered, removed or cut off the end; brokenAt is the first such entry.")
    public AuditVerification verify() {
        caller.requireAny(Role.AUDITOR, Role.ADMIN);
        return auditLog.verify();
    }
}
