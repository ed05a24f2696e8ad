package fi.sd.apply.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.apply.service.PassportService;
import fi.sd.apply.service.VisaKeys;

/** The public keys that verify the GA4GH visas; public, as relying services fetch them unauthenticated. */
@Path(PassportService.JWKS_PATH)
@Tag(name = "GA4GH Passport")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class JwksResource {

    private final VisaKeys keys;

    @Inject
    public JwksResource(VisaKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "The public keys of the visa signatures (JWKS)")
    public Map<String, Object> jwks() {
        return Map.of("keys", keys.publicJwks());
    }
}
