package fi.sd.apply.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.apply.service.PassportService;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** GA4GH Passport: a user's entitlements as signed visas. */
@Path("/api/v1/permissions")
@Tag(name = "GA4GH Passport")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    private final PassportService passports;
    private final Caller caller;

    @Inject
    public PermissionsResource(PassportService passports, Caller caller) {
        this.passports = passports;
        this.caller = caller;
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "A user's ControlledAccessGrants visas (GA4GH Passport v1.2)", description = "One RS256-signed visa JWT "
            + "per active entitlement, verifiable with /.well-known/jwks.json. The user themself, auditors and admins.")
    public Map<String, List<String>> permissions(@PathParam("userId") String userId) {
        return Map.of("ga4gh_passport_v1", passports.visas(userId, caller));
    }
}
