package fi.sd.gateway.health;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import fi.sd.gateway.config.GatewayConfig;
import fi.sd.gateway.routing.Upstream;
import fi.sd.gateway.routing.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/** The gateway is ready only when every service behind it says it is ready, on its management interface. */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final Duration timeout;

    @Inject
    public UpstreamsReadiness(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.timeout = config.healthTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> services = List.copyOf(upstreams.all().values());
        List<Future<Boolean>> ready = services.stream()
                .map(upstream -> upstreams.getManagement(upstream, "/q/health/ready", timeout)
                        .map(answer -> answer.status() == 200)
                        .otherwise(false))
                .toList();
        Future<HealthCheckResponse> response = Future.join(ready).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("services behind the gateway").up();
            for (int i = 0; i < services.size(); i++) {
                boolean up = ready.get(i).result();
                builder.withData(services.get(i).name(), up ? "UP" : "DOWN");
                if (!up) {
                    builder.down();
                }
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }
}
