package fi.sd.e2e.bench;

import java.time.Duration;
import java.util.function.Supplier;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;

/**
 * The same read through the gateway and straight to permit-service, alternating, in one run: throughput and
 * latency under load, the CPU time each process spends per request (which, unlike the rates, the other load on a
 * shared machine hardly changes), and the latency added on an otherwise idle path (one connection).
 */
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
                + "generator shares the machine's cores with everything else. CPU per request: the process's CPU time "
                + "(user and system, from /proc) over the run divided by the requests answered. Unloaded: `wrk -t1 -c1 -d"
                + SECONDS + "s`, one request at a time.");
        String permitId = api.grantFindataPermit("bench-gateway");
        // Tokens live 5 minutes: one for each wrk run (KeycloakTokens hands out one valid for 2 minutes more at least).
        Supplier<String> authorization = () -> system.tokens().user(Api.FINDATA_OFFICER, "permit-authority").bearer();
        String viaGateway = system.gatewayUrl() + "/api/v1/permits/" + permitId;
        String direct = system.service(E2eSystem.PERMIT).url() + "/api/v1/permits/" + permitId;
        ServiceProcess gatewayProcess = system.service(E2eSystem.GATEWAY);
        ServiceProcess permitProcess = system.service(E2eSystem.PERMIT);
        Wrk.run(viaGateway, authorization.get(), CONNECTIONS, WARM_UP_SECONDS);
        Wrk.run(direct, authorization.get(), CONNECTIONS, WARM_UP_SECONDS);

        report.table("round", "gateway req/s", "gateway p50 (ms)", "gateway p99 (ms)", "direct req/s", "direct p50 (ms)", "direct p99 (ms)",
                "gateway CPU/req (µs)", "permit-service CPU/req via gateway (µs)", "permit-service CPU/req direct (µs)");
        double gatewayRate = 0;
        double directRate = 0;
        double gatewayP50 = 0;
        double directP50 = 0;
        double gatewayCpu = 0;
        double permitCpuVia = 0;
        double permitCpuDirect = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            boolean gatewayFirst = round % 2 == 1;
            Measured first = measure(gatewayFirst ? viaGateway : direct, authorization.get(), CONNECTIONS, gatewayProcess, permitProcess);
            Measured second = measure(gatewayFirst ? direct : viaGateway, authorization.get(), CONNECTIONS, gatewayProcess, permitProcess);
            Measured gateway = gatewayFirst ? first : second;
            Measured straight = gatewayFirst ? second : first;
            report.row(round, fmt(gateway.wrk().requestsPerSecond()), fmt(gateway.wrk().p50Millis()), fmt(gateway.wrk().p99Millis()),
                    fmt(straight.wrk().requestsPerSecond()), fmt(straight.wrk().p50Millis()), fmt(straight.wrk().p99Millis()),
                    fmt0(gateway.gatewayCpuMicros()), fmt0(gateway.permitCpuMicros()), fmt0(straight.permitCpuMicros()));
            gatewayRate += gateway.wrk().requestsPerSecond() / ROUNDS;
            directRate += straight.wrk().requestsPerSecond() / ROUNDS;
            gatewayP50 += gateway.wrk().p50Millis() / ROUNDS;
            directP50 += straight.wrk().p50Millis() / ROUNDS;
            gatewayCpu += gateway.gatewayCpuMicros() / ROUNDS;
            permitCpuVia += gateway.permitCpuMicros() / ROUNDS;
            permitCpuDirect += straight.permitCpuMicros() / ROUNDS;
        }
        double ratio = gatewayRate / directRate;
        double added = gatewayP50 - directP50;
        report.note(String.format("Mean: gateway %.0f req/s, direct %.0f req/s, ratio %.2f; p50 added %.2f ms. CPU per request: "
                + "gateway %.0f µs, permit-service %.0f µs through the gateway and %.0f µs directly.",
                gatewayRate, directRate, ratio, added, gatewayCpu, permitCpuVia, permitCpuDirect));

        Wrk.Result unloadedGateway = Wrk.run(viaGateway, authorization.get(), 1, SECONDS);
        Wrk.Result unloadedDirect = Wrk.run(direct, authorization.get(), 1, SECONDS);
        double unloadedAdded = unloadedGateway.p50Millis() - unloadedDirect.p50Millis();
        report.note(String.format("Unloaded (one connection): gateway p50 %.2f ms, direct p50 %.2f ms: %.2f ms added.",
                unloadedGateway.p50Millis(), unloadedDirect.p50Millis(), unloadedAdded));
        report.verdict("gateway throughput", String.format("%.2f of direct", ratio), "≥ 0.8 of direct", ratio >= 0.8);
        report.verdict("gateway latency", String.format("+%.2f ms at p50 unloaded (+%.2f ms under load)", unloadedAdded, added),
                "≤ 1 ms added at p50 when unloaded", unloadedAdded <= 1.0);
    }

    /** One wrk run and the CPU time the gateway and permit-service spent on it, per request answered. */
    private static Measured measure(String url, String authorization, int connections, ServiceProcess gateway, ServiceProcess permit)
            throws Exception {
        Duration gatewayBefore = gateway.cpuTime();
        Duration permitBefore = permit.cpuTime();
        Wrk.Result wrk = Wrk.run(url, authorization, connections, SECONDS);
        double requests = Math.max(1, wrk.requests());
        return new Measured(wrk, gateway.cpuTime().minus(gatewayBefore).toNanos() / 1e3 / requests,
                permit.cpuTime().minus(permitBefore).toNanos() / 1e3 / requests);
    }

    private record Measured(Wrk.Result wrk, double gatewayCpuMicros, double permitCpuMicros) {
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }

    private static String fmt0(double value) {
        return String.format("%.0f", value);
    }
}
