package fi.sd.web.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import fi.sd.web.i18n.Formats;

/**
 * A reviewer's preview of an export's file: the API's first 64 KiB as text
 * ({@code GET /exports/{id}/files/{path}?preview=true}), shown in the page. Never more than that is kept.
 */
@ApplicationScoped
public class ExportPreviews {

    /** The API's preview is the file's first 64 KiB; the page shows no more whatever the answer. */
    static final int LIMIT = 64 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GatewayRelay gateway;
    private final SecurityIdentity identity;

    @Inject
    public ExportPreviews(GatewayRelay gateway, SecurityIdentity identity) {
        this.gateway = gateway;
        this.identity = identity;
    }

    /** The text, or the API's problem as a message. */
    public Preview of(String exportId, String path) {
        String encoded = Formats.pathEncoded(path);
        String token = identity.getCredential(AccessTokenCredential.class).getToken();
        GatewayRelay.Answer answer;
        try {
            answer = gateway.bounded(HttpMethod.GET, "/api/v1/exports/" + URLEncoder.encode(exportId, StandardCharsets.UTF_8) + "/files/"
                    + encoded + "?preview=true", token, LIMIT).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Preview.refused("The preview could not be fetched.");
        } catch (ExecutionException | TimeoutException e) {
            return Preview.refused("The service cannot be reached. Try again in a moment.");
        }
        if (answer.status() != 200) {
            return Preview.refused(problem(answer));
        }
        String text = answer.body().toString(StandardCharsets.UTF_8);
        return new Preview(text, answer.truncated(), null);
    }

    private static String problem(GatewayRelay.Answer answer) {
        try {
            JsonObject body = answer.body().toJsonObject();
            return body.getString("detail", body.getString("title", String.valueOf(answer.status())));
        } catch (DecodeException | ClassCastException unreadable) {
            return String.valueOf(answer.status());
        }
    }

    /** {@code text} when shown; else {@code problem}, the API's refusal (or why the API could not be asked). */
    public record Preview(String text, boolean truncated, String problem) {

        static Preview refused(String problem) {
            return new Preview(null, false, problem);
        }
    }
}
