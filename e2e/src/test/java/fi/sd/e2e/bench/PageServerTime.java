package fi.sd.e2e.bench;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.Flows;
import fi.sd.e2e.KeycloakTokens.Credentials;
import fi.sd.e2e.RegisterProject;

/**
 * The web front end's pages as a signed-in person asks for them: each page's time from the request to its
 * last byte, on the same machine (so, the web's server time, its calls to the gateway and the services
 * included, plus a loopback hop).
 */
final class PageServerTime {

    private static final int WARM_UP_ROUNDS = 60;
    private static final int ROUNDS = 100;

    void run(E2eSystem system, Api api, Report report) throws Exception {
        report.section("Web pages", "A register project approved and released (catalogue item, permit, application, entitlements, "
                + "workspace with its mount) and an export of it, made through the API; its applicant and its controller then sign in "
                + "to the web front end by the code flow (Keycloak's form posted over HTTP) and each asks for their pages in turn, "
                + WARM_UP_ROUNDS + " rounds of warm-up and then " + ROUNDS + " measured, one request at a time. A page's time runs from "
                + "sending the request to its last byte, on the same machine: the web's work, its calls to the gateway (one to four "
                + "per page) and the services' answers.");
        system.web();
        RegisterProject project = new RegisterProject(api, system, "bench-web").approvedAndReleased();
        String workspaceId = Flows.awaitWorkspace(api, project.projectId, "READY");
        String exportId = Flows.requestExport(() -> project.asResearcher(project.applicant), workspaceId,
                Flows.export(system, workspaceId, "LOW")).extract().path("id");
        Credentials applicant = system.tokens().user(project.applicant, "researcher").credentials();
        Credentials controller = system.tokens().user(project.controller, "data-controller").org(project.org).credentials();
        WebSession researcher = WebSession.signIn(system.webUrl(), applicant);
        WebSession handler = WebSession.signIn(system.webUrl(), controller);

        Map<String, Page> pages = new LinkedHashMap<>();
        for (String path : List.of("/projects", "/catalogue", "/applications", "/applications/" + project.applicationId, "/entitlements",
                "/workspaces", "/workspaces/" + workspaceId, "/exports/" + exportId, "/register")) {
            pages.put(path.replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{id}") + " (researcher)", new Page(researcher, path));
        }
        for (String path : List.of("/actions", "/permits", "/permits/" + project.permitId)) {
            pages.put(path.replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{id}") + " (controller)", new Page(handler, path));
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Page page : pages.values()) {
                page.ask(null);
            }
        }
        Percentiles all = new Percentiles();
        for (int round = 0; round < ROUNDS; round++) {
            for (Page page : pages.values()) {
                page.ask(all);
            }
        }
        report.table("page", "p50 (ms)", "p95 (ms)", "p99 (ms)");
        pages.forEach((name, page) -> report.row("`" + name + "`", ms(page.times.millis(50)), ms(page.times.millis(95)),
                ms(page.times.millis(99))));
        report.row("**all pages**", ms(all.millis(50)), ms(all.millis(95)), ms(all.millis(99)));
        report.verdict("web page server time", String.format("p95 %.1f ms", all.millis(95)), "p95 ≤ 100 ms", all.millis(95) <= 100);
    }

    private static String ms(double millis) {
        return String.format("%.1f", millis);
    }

    /** One page of one signed-in person, and its times. */
    private static final class Page {

        final WebSession session;
        final String path;
        final Percentiles times = new Percentiles();

        Page(WebSession session, String path) {
            this.session = session;
            this.path = path;
        }

        void ask(Percentiles all) throws Exception {
            long sent = System.nanoTime();
            HttpResponse<String> answer = session.get(path);
            long took = System.nanoTime() - sent;
            if (answer.statusCode() != 200 || !answer.body().contains("</html>")) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
            }
            if (all != null) {
                times.add(took);
                all.add(took);
            }
        }
    }
}
