package fi.sd.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One recorded version of a permit: what changed, who changed it, and the permit as it then was. */
public record PermitVersion(
        String permitId,
        int version,
        String kind,
        String status,
        String actor,
        Instant recordedAt,
        String reason,
        List<String> changes,
        Snapshot permit) {

    /** The permit as recorded in this version. */
    public record Snapshot(List<Permit.Dataset> datasets, List<Permit.Person> persons, LocalDate validFrom, LocalDate validUntil) {
    }
}
