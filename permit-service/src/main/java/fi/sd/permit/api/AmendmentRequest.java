package fi.sd.permit.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.sd.permit.api.PermitRequest.Dataset;
import fi.sd.permit.api.PermitRequest.Person;

/**
 * The body of {@code POST /permits/{id}/amendments}: the new validity end and/or the new full list
 * of persons and/or datasets (an absent field stays as it is), and why.
 */
public record AmendmentRequest(
        LocalDate validUntil,
        @Size(min = 1, max = 500) List<@NotNull @Valid Person> persons,
        @Size(min = 1, max = 100) List<@NotNull @Valid Dataset> datasets,
        @NotBlank @Size(max = 4000) String reason) {
}
