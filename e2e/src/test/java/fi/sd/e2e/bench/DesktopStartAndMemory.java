package fi.sd.e2e.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.Flows;
import fi.sd.e2e.LocalSandboxes;

/** Real desktops (the local provider): from asking for one to RUNNING, and the memory each one's sandbox holds. */
final class DesktopStartAndMemory {

    private static final int SAMPLES = 10;

    void run(E2eSystem system, Api api, Report report) {
        report.section("Desktops", SAMPLES + " desktops, one after the other, each asked for through the gateway "
                + "(`POST /workspaces/{id}/desktops`) and polled every 50 ms until `RUNNING` (the provider command runs after "
                + "the commit; the sandbox starts Xvfb, openbox, xterm and x11vnc; the status poll, every second, sees its VNC "
                + "socket answer). Then the memory of every process in its sandbox, read from /proc: the resident set (RSS, "
                + "counting shared libraries in full for each process) and the proportional set (PSS, shared pages divided "
                + "among their users). Each desktop is deleted before the next.");
        String projectId = "bench-desktops-" + UUID.randomUUID().toString().substring(0, 8);
        api.grantFindataPermit(projectId);
        String workspaceId = Flows.awaitWorkspace(api, projectId, "READY");
        Percentiles start = new Percentiles();
        List<Long> rss = new ArrayList<>();
        List<Long> pss = new ArrayList<>();
        List<Integer> processes = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long asked = System.nanoTime();
            String desktopId = api.as(Api.RESEARCHER, "researcher")
                    .body(Map.of("name", "bench-" + i, "flavour", "small", "image", "ubuntu-22.04", "volumeGb", 10))
                    .post("/workspaces/{id}/desktops", workspaceId).then().statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "RUNNING".equals(api.as(Api.RESEARCHER, "researcher").get("/desktops/{id}", desktopId).path("status")));
            start.add(System.nanoTime() - asked);
            List<Long> pids = LocalSandboxes.processesOf(system, desktopId);
            rss.add(pids.stream().mapToLong(p -> kib(p, "status", "VmRSS:")).sum());
            pss.add(pids.stream().mapToLong(p -> kib(p, "smaps_rollup", "Pss:")).sum());
            processes.add(pids.size());
            api.as(Api.RESEARCHER, "researcher").delete("/desktops/{id}", desktopId).then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "DELETED".equals(api.as(Api.RESEARCHER, "researcher").get("/desktops/{id}", desktopId).path("status")));
        }
        report.table("create → RUNNING p50 (ms)", "p95 (ms)", "max (ms)", "RSS per desktop (MiB, median)", "PSS per desktop (MiB, median)",
                "processes per desktop", "samples");
        report.row(String.format("%.0f", start.millis(50)), String.format("%.0f", start.millis(95)), String.format("%.0f", start.millis(100)),
                String.format("%.1f", median(rss) / 1024.0), String.format("%.1f", median(pss) / 1024.0), median(processes.stream()
                        .map(Integer::longValue).toList()), start.count());
        report.verdict("desktop start p95", String.format("%.1f s", start.millis(95) / 1000), "≤ 10 s", start.millis(95) <= 10_000);
        report.verdict("memory per desktop", String.format("%.0f MiB PSS (%.0f MiB RSS)", median(pss) / 1024.0, median(rss) / 1024.0),
                "reported", true);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A kB figure of /proc/PID/{file} (0 once the process has gone). */
    private static long kib(long pid, String file, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), file)).stream().filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
