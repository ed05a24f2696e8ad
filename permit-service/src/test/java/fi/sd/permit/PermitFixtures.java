package fi.sd.permit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Permit request bodies for tests, as JSON-ready maps that a test can break field by field. */
public final class PermitFixtures {

    private PermitFixtures() {
    }

    public static Map<String, Object> findataPermit() {
        return permit("FINDATA", "THL");
    }

    public static Map<String, Object> registerPermit(String controller) {
        return permit("REGISTER", controller);
    }

    /** A short random suffix for ids that must not collide with other tests' data in the shared database. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> person(String userId) {
        return Map.of("userId", userId, "name", "Person " + userId, "email", userId + "@example.org");
    }

    public static Map<String, Object> dataset(String id, String controller) {
        return Map.of("id", id, "controller", controller, "title", "Dataset " + id);
    }

    public static Map<String, Object> validity(Map<String, Object> body, LocalDate validFrom, LocalDate validUntil) {
        body.put("validFrom", validFrom.toString());
        body.put("validUntil", validUntil.toString());
        return body;
    }

    private static Map<String, Object> permit(String route, String controller) {
        String suffix = unique();
        Map<String, Object> body = new HashMap<>();
        body.put("journalNumber", "THL/" + suffix + "/14.02.00/2026");
        body.put("route", route);
        body.put("holder", Map.of("organisation", "University of Helsinki", "principalInvestigator", "Aino Virtanen"));
        body.put("projectId", "proj-" + suffix);
        body.put("title", "Cardiometabolic risk in young adults");
        body.put("purpose", "Register-based cohort study of cardiometabolic risk factors.");
        body.put("datasets", List.of(Map.of("id", "thl-avohilmo-" + suffix, "controller", controller, "title", "Avohilmo 2015-2024")));
        body.put("persons", List.of(
                Map.of("userId", "aino.virtanen", "name", "Aino Virtanen", "email", "aino.virtanen@helsinki.fi"),
                Map.of("userId", "mikko.korhonen", "name", "Mikko Korhonen", "email", "mikko.korhonen@helsinki.fi")));
        body.put("validFrom", LocalDate.now().toString());
        body.put("validUntil", LocalDate.now().plusYears(2).toString());
        body.put("conditions", "Results only at aggregate level, n >= 5.");
        return body;
    }
}
