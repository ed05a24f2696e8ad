package fi.sd.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void readsTheFiguresOfAnEarlierSummaryWithOrWithoutItsPreviousColumn() {
        String older = """
                # Benchmark results

                | what | figure | target (2 cores) | |
                |---|---|---|---|
                | gateway throughput | 0.67 of direct | ≥ 0.8 of direct | **missed** |
                | flows lost | 0 lost, 0 workspaces twice | 0 lost | met |

                ## Gateway overhead
                | round | gateway req/s |
                """;
        assertEquals(Map.of("gateway throughput", "0.67 of direct", "flows lost", "0 lost, 0 workspaces twice"),
                Report.previousFigures(older));
        String newer = """
                | what | figure | previous run | target (2 cores) | |
                |---|---|---|---|---|
                | gateway throughput | 0.81 of direct | 0.67 of direct | ≥ 0.8 of direct | met |
                """;
        assertEquals(Map.of("gateway throughput", "0.81 of direct"), Report.previousFigures(newer));
    }

    @Test
    void writesTheNewFiguresBesideThePreviousOnesAndKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("RESULTS.md");
        Report first = new Report();
        first.verdict("gateway throughput", "0.67 of direct", "≥ 0.8 of direct", false);
        first.write(results, "bin/sd bench");
        Report second = new Report();
        second.verdict("gateway throughput", "0.82 of direct", "≥ 0.8 of direct", true);
        second.verdict("soak", "no growth", "no growth", true);
        second.write(results, "bin/sd bench");

        String written = Files.readString(results);
        assertEquals(true, written.contains("| gateway throughput | 0.82 of direct | 0.67 of direct | ≥ 0.8 of direct | met |"), written);
        assertEquals(true, written.contains("| soak | no growth |  | no growth | met |"), written);
        assertEquals(true, Files.readString(dir.resolve("RESULTS-previous.md")).contains("| gateway throughput | 0.67 of direct |  |"));
    }
}
