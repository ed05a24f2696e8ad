package fi.sd.apply.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.apply.service.PassportService;
import fi.sd.apply.service.VisaKeys;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** GA4GH Passport: a user's entitlements as signed visas, and the public keys that verify them. */
@Path("/")
@Tag(name = "GA4GH Passport")
@Produces(MediaType.APPLICATION_JSON)
public class PassportResource {

    private final PassportService passports;
    private final VisaKeys keys;
    private final Caller caller;

    @Inject
    public PassportResource(PassportService passports, VisaKeys keys, Caller caller) {
        this.passports = passports;
        this.keys = keys;
        this.caller = caller;
    }

    @GET
    @Path("/api/v1/permissions/{userId}")
    @Authenticated
    @Operation(summary = "A user's ControlledAccessGrants visas (GA4GH Passport v1.2)", description = "One RS256-signed visa JWT "
            + "per active entitlement, verifiable with /.well-known/jwks.json. The user themself, auditors and admins.")
    public Map<String, List<String>> permissions(@PathParam("userId") String userId) {
        return Map.of("ga4gh_passport_v1", passports.visas(userId, caller));
    }

    @GET
    @Path(PassportService.JWKS_PATH)
    @PermitAll
    @Operation(summary = "The public keys of the visa signatures (JWKS)")
    public Map<String, Object> jwks() {
        return Map.of("keys", keys.publicJwks());
    }
}
