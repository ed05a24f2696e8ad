package fi.sd.e2e.bench;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.Flows;

/** {@code POST /permits/{id}/revocation} → the next desktop session request for that permit's workspace is refused. */
final class RevocationPropagation {

    private static final int SAMPLES = 30;

    void run(E2eSystem system, Api api, Report report) {
        report.section("Revocation propagation", SAMPLES + " times: a Findata permit, its workspace ready and a desktop "
                + "running; then the permit is revoked through the gateway and its researcher asks for a desktop session "
                + "(with MFA) again and again until refused. The figure is from sending the revocation to the first refusal: "
                + "permit-service's outbox → broker → desktop-service locks the workspace.");
        Percentiles propagation = new Percentiles();
        for (int i = 0; i < SAMPLES; i++) {
            String project = "bench-revocation-" + UUID.randomUUID().toString().substring(0, 8);
            String permitId = api.grantFindataPermit(project);
            String workspaceId = Flows.awaitWorkspace(api, project, "READY");
            String desktopId = Flows.runningDesktop(api, workspaceId);
            long sent = System.nanoTime();
            api.asFindata().body(Map.of("reason", "Benchmark: data used outside the permit's purpose"))
                    .post("/permits/{id}/revocation", permitId).then().statusCode(200);
            while (true) {
                Response answer = api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId);
                if (answer.statusCode() == 201) {
                    // Not locked yet: the session is closed again so that the next request is not refused as a second
                    // one (409 when the lock closed it meanwhile).
                    api.withMfa(Api.RESEARCHER, "researcher").delete("/sessions/{id}", answer.path("sessionId").toString())
                            .then().statusCode(anyOf(is(204), is(409)));
                    continue;
                }
                if (answer.statusCode() != 409) {
                    throw new IllegalStateException("A session request answered " + answer.statusCode() + ": " + answer.asString());
                }
                propagation.add(System.nanoTime() - sent);
                break;
            }
        }
        report.table("p50 (ms)", "p95 (ms)", "p99 (ms)", "samples");
        report.row(String.format("%.1f", propagation.millis(50)), String.format("%.1f", propagation.millis(95)),
                String.format("%.1f", propagation.millis(99)), propagation.count());
        report.verdict("revocation propagation p99", String.format("%.0f ms", propagation.millis(99)), "≤ 1 s",
                propagation.millis(99) <= 1000);
    }
}
