package fi.sd.web.client;

import java.time.LocalDate;
import java.util.List;

/** A permit in the public register (EHDS Art. 57): it names no person. */
public record PublicPermit(
        String journalNumber,
        String route,
        String issuer,
        String holderOrganisation,
        String title,
        String purpose,
        List<String> datasetTitles,
        LocalDate validFrom,
        LocalDate validUntil,
        String status) {
}
