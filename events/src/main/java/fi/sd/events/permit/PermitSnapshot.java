package fi.sd.events.permit;

import java.time.LocalDate;
import java.util.List;

import fi.sd.events.DatasetRef;
import fi.sd.events.Holder;
import fi.sd.events.PermitRoute;
import fi.sd.events.PersonRef;

/**
 * A permit as recorded in one version. {@code issuer} is the organisation that recorded it
 * (Findata, or the register controller); {@code validUntil} is inclusive, Europe/Helsinki.
 */
public record PermitSnapshot(
        String permitId,
        int version,
        String journalNumber,
        PermitRoute route,
        String issuer,
        String projectId,
        Holder holder,
        String title,
        String purpose,
        List<DatasetRef> datasets,
        List<PersonRef> persons,
        LocalDate validFrom,
        LocalDate validUntil,
        String conditions) {
}
