package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/** A request to bring software or data into a workspace, decided by the service desk. */
public record AirlockImport(
        String id,
        String workspaceId,
        String permitId,
        String kind,
        String description,
        String status,
        String requestedBy,
        Instant requestedAt,
        List<Decision> decisions,
        Instant updatedAt) {

    public boolean in(String... states) {
        return List.of(states).contains(status);
    }
}
