package fi.sd.web.files;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The pages' file transfers, streamed through {@link GatewayRelay}: a release's files uploaded from the
 * permit page (with a progress bar), an export's files downloaded by its reviewers, and an approved
 * export's files by its requester (through the short-lived links the API makes for each download).
 * Paths keep the browser's percent-encoding as they are passed on.
 */
@ApplicationScoped
public class FileRoutes {

    static final Pattern RELEASE_FILE = Pattern.compile("/permits/([^/]+)/releases/([^/]+)/files/(.+)");
    static final Pattern EXPORT_FILE = Pattern.compile("/exports/([^/]+)/files/(.+)");
    static final Pattern EXPORT_DOWNLOAD = Pattern.compile("/exports/([^/]+)/downloads/(.+)");
    /**
     * A script's upload must say so in a header: a page of another site cannot add one without the browser
     * asking this site first (CORS), which it never allows; with the SameSite session cookie, no other site
     * can upload as the signed-in person.
     */
    static final String UPLOAD_HEADER = "X-Requested-With";

    private final GatewayRelay gateway;

    @Inject
    public FileRoutes(GatewayRelay gateway) {
        this.gateway = gateway;
    }

    void register(@Observes Router router) {
        router.putWithRegex(RELEASE_FILE.pattern()).handler(ctx -> matched(ctx, RELEASE_FILE, this::uploadReleaseFile));
        router.getWithRegex(EXPORT_FILE.pattern()).handler(ctx -> matched(ctx, EXPORT_FILE, this::reviewersDownload));
        router.getWithRegex(EXPORT_DOWNLOAD.pattern()).handler(ctx -> matched(ctx, EXPORT_DOWNLOAD, this::requestersDownload));
    }

    /**
     * The route's parts of the path as the browser encoded it, to {@code handler}; a path with a {@code .} or
     * {@code ..} segment is not one of ours.
     */
    private static void matched(RoutingContext ctx, Pattern pattern, BiConsumer<RoutingContext, Matcher> handler) {
        String raw = ctx.request().path();
        Matcher path = pattern.matcher(raw);
        if (!path.matches() || Arrays.stream(raw.split("/")).map(FileRoutes::decoded).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            GatewayRelay.problem(ctx.response(), 404, "Not found", "There is no such file.");
            return;
        }
        handler.accept(ctx, path);
    }

    private void uploadReleaseFile(RoutingContext ctx, Matcher path) {
        if (ctx.request().getHeader(UPLOAD_HEADER) == null) {
            GatewayRelay.problem(ctx.response(), 403, "Forbidden", "Upload the file from the permit's page.");
            return;
        }
        gateway.relay(ctx, HttpMethod.PUT, "/api/v1/permits/" + path.group(1) + "/releases/" + path.group(2) + "/files/" + path.group(3),
                true, null);
    }

    private void reviewersDownload(RoutingContext ctx, Matcher path) {
        gateway.relay(ctx, HttpMethod.GET, "/api/v1/exports/" + path.group(1) + "/files/" + path.group(2), false, decoded(path.group(2)));
    }

    /**
     * The requester's download of an approved export's file: the API makes a short-lived link for each file,
     * this one's is followed at once with the person's token. Where the API refuses, the export's page says so.
     */
    private void requestersDownload(RoutingContext ctx, Matcher path) {
        String token = GatewayRelay.signedIn(ctx);
        if (token == null) {
            return;
        }
        String exportId = path.group(1);
        String wanted = decoded(path.group(2));
        gateway.json(HttpMethod.POST, "/api/v1/exports/" + exportId + "/download-links", token, new JsonObject())
                .onSuccess(answer -> {
                    String href = answer.status() == 201 || answer.status() == 200 ? href(answer, wanted) : null;
                    if (href == null) {
                        backToTheExport(ctx, exportId);
                    } else {
                        gateway.download(ctx, href, token, wanted);
                    }
                })
                .onFailure(failed -> backToTheExport(ctx, exportId));
    }

    /** The link the API made for the file at {@code wanted}; null when it made none, or an answer that is not one. */
    private static String href(GatewayRelay.Answer answer, String wanted) {
        JsonArray all;
        try {
            all = answer.body().toJsonObject().getJsonArray("links", new JsonArray());
        } catch (DecodeException | ClassCastException unreadable) {
            return null;
        }
        for (int i = 0; i < all.size(); i++) {
            JsonObject link = all.getJsonObject(i);
            if (wanted.equals(link.getString("path")) && link.getString("href", "").startsWith("/api/v1/")) {
                return link.getString("href");
            }
        }
        return null;
    }

    private static void backToTheExport(RoutingContext ctx, String exportId) {
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/exports/" + exportId + "?problem=download-refused").end();
    }

    private static String decoded(String encodedPath) {
        return URLDecoder.decode(encodedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
