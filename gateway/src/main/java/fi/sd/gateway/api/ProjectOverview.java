package fi.sd.gateway.api;

import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1/projects/{projectId}/overview}: one project across the services, each part
 * (permits, applications, workspaces) as its service shows it to the caller.
 */
public record ProjectOverview(String projectId, Map<String, Part> parts) {

    public JsonObject toJson() {
        JsonObject overview = new JsonObject().put("projectId", projectId);
        parts.forEach((name, part) -> overview.put(name, part.toJson()));
        return overview;
    }

    /**
     * One service's part: its list as the service answered it, or, when the service is down,
     * timed out or refused, which service and why ({@code status} when it answered with an error).
     */
    public record Part(boolean available, Object items, String service, String reason, Integer status) {

        public static Part of(Object items) {
            return new Part(true, items, null, null, null);
        }

        public static Part unavailable(String service, String reason) {
            return new Part(false, null, service, reason, null);
        }

        public static Part refused(String service, int status) {
            return new Part(false, null, service, "answered " + status, status);
        }

        JsonObject toJson() {
            if (available) {
                return new JsonObject().put("available", true).put("items", items);
            }
            JsonObject part = new JsonObject().put("available", false).put("service", service).put("reason", reason);
            return status == null ? part : part.put("status", status);
        }
    }
}
