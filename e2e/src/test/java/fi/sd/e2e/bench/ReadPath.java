package fi.sd.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import fi.sd.e2e.E2eSystem;

/** {@code GET /api/v1/applications} for a data controller whose organisation has 100 000 submitted applications. */
final class ReadPath {

    private static final int APPLICATIONS = 100_000;
    private static final int SAMPLES = 300;
    /** Requests before the samples, so that the figures are of compiled code, as in a service that has been up a while. */
    private static final int WARM_UP = 200;
    private static final String ORG = "BENCH-REGISTER";

    void run(E2eSystem system, Report report) throws Exception {
        report.section("Read path at size", APPLICATIONS + " submitted applications (REMS's own test set has 3 000) are written "
                + "straight into apply-service's database, each with its dataset, applicant and a history of two entries, and the "
                + "database is vacuumed as autovacuum would have done while they accumulated; then `GET /api/v1/applications` "
                + "(first page, 50, newest first, with `X-Total-Count`) is asked " + SAMPLES + " times in a row through the "
                + "gateway as a data controller of the organisation, after " + WARM_UP + " for warm-up.");
        long seeded = seed(system);
        String authorization = system.tokens().user("bench.controller", "data-controller").org(ORG).bearer();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/v1/applications"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build();
        Percentiles latency = new Percentiles();
        String total = null;
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/applications answered " + response.statusCode() + ": " + response.body());
            }
            total = response.headers().firstValue("X-Total-Count").orElse("?");
            if (i >= WARM_UP) {
                latency.add(took);
            }
        }
        report.table("applications in the database", "X-Total-Count seen", "p50 (ms)", "p95 (ms)", "p99 (ms)");
        report.row(seeded, total, String.format("%.1f", latency.millis(50)), String.format("%.1f", latency.millis(95)),
                String.format("%.1f", latency.millis(99)));
        report.verdict("read path, 100 000 applications", String.format("p95 %.1f ms", latency.millis(95)), "p95 ≤ 50 ms",
                latency.millis(95) <= 50);
    }

    /** Writes the applications once per database; returns how many the organisation has. */
    private static long seed(E2eSystem system) throws SQLException {
        try (Connection connection = system.database(E2eSystem.APPLY); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO permit (id, version, route, issuer, project_id, status, valid_until, updated_at) "
                    + "SELECT 'bench-read-permit', 1, 'REGISTER', '" + ORG + "', 'bench-read', 'ACTIVE', DATE '2030-12-31', now() "
                    + "WHERE NOT EXISTS (SELECT 1 FROM permit WHERE id = 'bench-read-permit')");
            sql.execute("INSERT INTO application (id, permit_id, project_id, organisation, applicant, state, submitted_once, "
                    + "row_version, created_at, updated_at) "
                    + "SELECT 'bench-read-' || lpad(i::text, 25, '0'), 'bench-read-permit', 'bench-read', '" + ORG + "', "
                    + "'applicant.' || (i % 5000), 'SUBMITTED', true, 0, now() - i * interval '1 minute', now() "
                    + "FROM generate_series(1, " + APPLICATIONS + ") AS i ON CONFLICT DO NOTHING");
            sql.execute("INSERT INTO application_dataset (application_id, dataset_id) "
                    + "SELECT id, 'bench-register-dataset' FROM application WHERE permit_id = 'bench-read-permit' ON CONFLICT DO NOTHING");
            sql.execute("INSERT INTO application_member (application_id, user_id, status, since) "
                    + "SELECT id, applicant, 'JOINED', created_at FROM application WHERE permit_id = 'bench-read-permit' "
                    + "ON CONFLICT DO NOTHING");
            sql.execute("INSERT INTO application_event (application_id, actor, command, visible_to_applicant, occurred_at) "
                    + "SELECT a.id, a.applicant, c.command, true, a.created_at FROM application a, (VALUES ('create'), ('submit')) AS c (command) "
                    + "WHERE a.permit_id = 'bench-read-permit' "
                    + "AND NOT EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id)");
            sql.execute("VACUUM ANALYZE");
            try (var count = sql.executeQuery("SELECT count(*) FROM application WHERE organisation = '" + ORG + "'")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
