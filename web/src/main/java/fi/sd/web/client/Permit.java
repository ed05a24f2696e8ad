package fi.sd.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A data permit as permit-service shows it (its issuer, its persons, auditors and admins see it). */
public record Permit(
        String id,
        int version,
        String status,
        String journalNumber,
        String route,
        String issuer,
        Holder holder,
        String projectId,
        String title,
        String purpose,
        List<Dataset> datasets,
        List<Person> persons,
        LocalDate validFrom,
        LocalDate validUntil,
        String conditions,
        Instant createdAt,
        Instant updatedAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean findata() {
        return "FINDATA".equals(route);
    }

    public boolean names(String userId) {
        return persons != null && persons.stream().anyMatch(p -> p.userId().equals(userId));
    }

    public boolean covers(String datasetId) {
        return datasets != null && datasets.stream().anyMatch(d -> d.id().equals(datasetId));
    }

    public record Holder(String organisation, String principalInvestigator) {
    }

    public record Dataset(String id, String controller, String title) {
    }

    public record Person(String userId, String name, String email) {
    }
}
