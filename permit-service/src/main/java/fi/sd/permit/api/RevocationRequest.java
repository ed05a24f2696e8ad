package fi.sd.permit.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /permits/{id}/revocation}: why the issuer revokes the permit. */
public record RevocationRequest(@NotBlank @Size(max = 4000) String reason) {
}
