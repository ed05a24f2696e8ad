package fi.sd.gateway.api;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code GET /api/v1/me}: the person (or system) a verified token names; roles sorted. */
public record CallerView(String userId, List<String> roles, String org, boolean mfa) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("userId", userId)
                .put("roles", new JsonArray(roles))
                .put("org", org)
                .put("mfa", mfa);
    }
}
