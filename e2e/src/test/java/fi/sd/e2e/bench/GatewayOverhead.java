package fi.sd.e2e.bench;

import java.util.function.Supplier;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;

/** The same read through the gateway and straight to permit-service, alternating, in one run. */
final class GatewayOverhead {

    private static final int ROUNDS = 3;
    private static final int SECONDS = 10;
    private static final int CONNECTIONS = 16;
    /**
     * Seconds of load on each path before the rounds: with 5, both were still being compiled and every round
     * was faster than the one before (gateway 533 → 1581 req/s over three rounds).
     */
    private static final int WARM_UP_SECONDS = 30;

    void run(E2eSystem system, Api api, Report report) throws Exception {
        report.section("Gateway overhead", "`wrk -t2 -c" + CONNECTIONS + " -d" + SECONDS + "s` on `GET /api/v1/permits/{id}` "
                + "(the issuer's token), through the gateway and straight to permit-service, alternating " + ROUNDS
                + " rounds (which path goes first alternates) after " + WARM_UP_SECONDS + " s of warm-up on each; the load "
                + "generator shares the machine's cores with everything else.");
        String permitId = api.grantFindataPermit("bench-gateway");
        // Tokens live 5 minutes: one for each wrk run (KeycloakTokens hands out one valid for 2 minutes more at least).
        Supplier<String> authorization = () -> system.tokens().user(Api.FINDATA_OFFICER, "permit-authority").bearer();
        String viaGateway = system.gatewayUrl() + "/api/v1/permits/" + permitId;
        String direct = system.service(E2eSystem.PERMIT).url() + "/api/v1/permits/" + permitId;
        Wrk.run(viaGateway, authorization.get(), CONNECTIONS, WARM_UP_SECONDS);
        Wrk.run(direct, authorization.get(), CONNECTIONS, WARM_UP_SECONDS);

        report.table("round", "gateway req/s", "gateway p50 (ms)", "gateway p99 (ms)", "direct req/s", "direct p50 (ms)", "direct p99 (ms)");
        double gatewayRate = 0;
        double directRate = 0;
        double gatewayP50 = 0;
        double directP50 = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            boolean gatewayFirst = round % 2 == 1;
            Wrk.Result first = Wrk.run(gatewayFirst ? viaGateway : direct, authorization.get(), CONNECTIONS, SECONDS);
            Wrk.Result second = Wrk.run(gatewayFirst ? direct : viaGateway, authorization.get(), CONNECTIONS, SECONDS);
            Wrk.Result gateway = gatewayFirst ? first : second;
            Wrk.Result straight = gatewayFirst ? second : first;
            report.row(round, fmt(gateway.requestsPerSecond()), fmt(gateway.p50Millis()), fmt(gateway.p99Millis()),
                    fmt(straight.requestsPerSecond()), fmt(straight.p50Millis()), fmt(straight.p99Millis()));
            gatewayRate += gateway.requestsPerSecond() / ROUNDS;
            directRate += straight.requestsPerSecond() / ROUNDS;
            gatewayP50 += gateway.p50Millis() / ROUNDS;
            directP50 += straight.p50Millis() / ROUNDS;
        }
        double ratio = gatewayRate / directRate;
        double added = gatewayP50 - directP50;
        report.note(String.format("Mean: gateway %.0f req/s, direct %.0f req/s, ratio %.2f; p50 added %.2f ms.",
                gatewayRate, directRate, ratio, added));
        report.verdict("gateway throughput", String.format("%.2f of direct", ratio), "≥ 0.8 of direct", ratio >= 0.8);
        report.verdict("gateway latency", String.format("+%.2f ms at p50", added), "≤ 1 ms added at p50", added <= 1.0);
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }
}
