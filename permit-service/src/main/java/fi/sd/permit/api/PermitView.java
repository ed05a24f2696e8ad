package fi.sd.permit.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fi.sd.events.PermitRoute;
import fi.sd.permit.domain.PermitStatus;

/** A permit as the API shows it to those who may see it. */
public record PermitView(
        String id,
        int version,
        PermitStatus status,
        String journalNumber,
        PermitRoute route,
        String issuer,
        PermitRequest.Holder holder,
        String projectId,
        String title,
        String purpose,
        List<PermitRequest.Dataset> datasets,
        List<PermitRequest.Person> persons,
        LocalDate validFrom,
        LocalDate validUntil,
        String conditions,
        Instant createdAt,
        Instant updatedAt) {
}
