package fi.sd.gateway.composite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import fi.sd.gateway.api.CallerView;
import fi.sd.gateway.api.ProjectOverview;
import fi.sd.gateway.edge.EdgeFilters;
import fi.sd.gateway.edge.Problems;
import fi.sd.gateway.edge.RequestContext;
import fi.sd.gateway.edge.TokenVerifier;
import fi.sd.gateway.routing.Upstream;
import fi.sd.gateway.routing.UpstreamFailure;
import fi.sd.gateway.routing.Upstreams;
import fi.sd.platform.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own endpoints: who the caller is, and one project seen across the services.
 * The parts of a project are fetched in parallel with the caller's own token, so each service
 * shows only what it shows the caller anyway; a part that cannot be fetched is marked
 * unavailable and the rest still answers.
 */
@ApplicationScoped
public class CompositeRoutes {

    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** Part name → the list it comes from ({@code %s} is the project id). */
    private static final Map<String, String> OVERVIEW_PARTS = new LinkedHashMap<>();

    static {
        OVERVIEW_PARTS.put("permits", EdgeFilters.API + "/permits?projectId=%s&size=200");
        OVERVIEW_PARTS.put("applications", EdgeFilters.API + "/applications?projectId=%s");
        OVERVIEW_PARTS.put("workspaces", EdgeFilters.API + "/workspaces?projectId=%s");
    }

    private final Upstreams upstreams;

    @Inject
    public CompositeRoutes(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    void register(@Observes Router router) {
        router.get(EdgeFilters.API + "/me").handler(this::me);
        router.get(EdgeFilters.API + "/projects/:projectId/overview").handler(this::overview);
    }

    private void me(RoutingContext ctx) {
        TokenVerifier.Caller caller = EdgeFilters.caller(ctx);
        ctx.request().resume();
        ctx.json(new CallerView(caller.userId(), caller.roles().stream().sorted().toList(), caller.org(), caller.mfa()).toJson());
    }

    private void overview(RoutingContext ctx) {
        ctx.request().resume();
        String projectId = ctx.pathParam("projectId");
        if (!PROJECT_ID.matcher(projectId).matches()) {
            Problems.send(ctx, ProblemType.VALIDATION, "The project id is malformed.",
                    Map.of("projectId", "must be 1 to 128 letters, digits and . _ : -"));
            return;
        }
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + EdgeFilters.bearerToken(ctx),
                "Accept", "application/json",
                RequestContext.REQUEST_ID, EdgeFilters.requestId(ctx));
        String encoded = URLEncoder.encode(projectId, StandardCharsets.UTF_8);
        List<String> names = List.copyOf(OVERVIEW_PARTS.keySet());
        List<Future<ProjectOverview.Part>> parts = names.stream()
                .map(name -> part(String.format(OVERVIEW_PARTS.get(name), encoded), headers))
                .toList();
        Future.join(parts).onComplete(done -> {
            Map<String, ProjectOverview.Part> overview = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                overview.put(names.get(i), parts.get(i).result());
            }
            ctx.json(new ProjectOverview(projectId, overview).toJson());
        });
    }

    /** One part of the overview; never fails: what went wrong is told inside the part. */
    private Future<ProjectOverview.Part> part(String uri, Map<String, String> headers) {
        Upstream upstream = upstreams.owning(uri.substring(0, uri.indexOf('?')));
        return upstreams.get(upstream, uri, headers)
                .map(answer -> {
                    if (answer.status() / 100 != 2) {
                        return ProjectOverview.Part.refused(upstream.name(), answer.status());
                    }
                    try {
                        return ProjectOverview.Part.of(Json.decodeValue(answer.body()));
                    } catch (DecodeException e) {
                        return ProjectOverview.Part.unavailable(upstream.name(), "gave no JSON");
                    }
                })
                .otherwise(failure -> ProjectOverview.Part.unavailable(upstream.name(), failure instanceof UpstreamFailure f
                        ? f.kind().name().toLowerCase() : "failed"));
    }
}
