package fi.sd.permit.api;

import java.time.LocalDate;
import java.util.List;

import fi.sd.events.PermitRoute;
import fi.sd.permit.domain.PermitStatus;

/**
 * A permit in the public register (EHDS Art. 57(1)(j)): what was permitted to whom and for how
 * long. It names no person, not even the principal investigator.
 */
public record PublicPermitView(
        String journalNumber,
        PermitRoute route,
        String issuer,
        String holderOrganisation,
        String title,
        String purpose,
        List<String> datasetTitles,
        LocalDate validFrom,
        LocalDate validUntil,
        PermitStatus status) {
}
