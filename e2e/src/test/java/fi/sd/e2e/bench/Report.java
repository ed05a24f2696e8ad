package fi.sd.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/RESULTS.md: each section's table, the target beside each figure, and where it was measured. The summary keeps
 * the figures of the run before beside the new ones, and that run's whole file is kept as RESULTS-previous.md.
 */
final class Report {

    private final StringBuilder body = new StringBuilder();
    private final List<String[]> summary = new ArrayList<>();

    void section(String title, String how) {
        body.append("\n## ").append(title).append("\n\n").append(how).append("\n\n");
        System.out.println("\n== " + title);
    }

    void table(String... header) {
        // A table right after a line of text would be read as part of that paragraph.
        if (body.length() > 0 && !body.substring(Math.max(0, body.length() - 2)).equals("\n\n")) {
            body.append('\n');
        }
        body.append('|').append(String.join("|", header)).append("|\n|").append("---|".repeat(header.length)).append('\n');
    }

    void row(Object... cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object cell : cells) {
            line.append(' ').append(cell).append(" |");
        }
        body.append(line).append('\n');
        System.out.println(line);
    }

    void note(String text) {
        body.append('\n').append(text).append('\n');
        System.out.println(text);
    }

    /** One line of the summary at the top: what, the figure, the target, met or not. */
    void verdict(String what, String figure, String target, boolean met) {
        summary.add(new String[] { what, figure, target, met ? "met" : "**missed**" });
        System.out.printf("%s: %s (target %s) %s%n", what, figure, target, met ? "met" : "MISSED");
    }

    void write(Path file, String command) throws IOException {
        Map<String, String> before = Files.exists(file) ? previousFigures(Files.readString(file)) : Map.of();
        String beforeWhen = Files.exists(file) ? measuredLine(Files.readString(file)) : "";
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        out.append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(" with `").append(command).append("` on ").append(Machine.describe()).append(".\n")
                .append("Each ratio is measured in one run, side by side; absolute times drift on a shared machine.\n");
        if (!before.isEmpty()) {
            out.append("The previous run's figures are beside the new ones (that run: ").append(beforeWhen)
                    .append("; its whole report is [RESULTS-previous.md](RESULTS-previous.md)).\n");
        }
        out.append("\n| what | figure | previous run | target (2 cores) | |\n|---|---|---|---|---|\n");
        for (String[] line : summary) {
            out.append("| ").append(line[0]).append(" | ").append(line[1]).append(" | ").append(before.getOrDefault(line[0], "")).append(" | ")
                    .append(line[2]).append(" | ").append(line[3]).append(" |\n");
        }
        out.append(body);
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            Files.copy(file, file.resolveSibling("RESULTS-previous.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(file, out.toString());
        System.out.println("\nWrote " + file);
    }

    /** The summary's figures of an earlier report, by what they measure (its table has 4 or 5 columns). */
    static Map<String, String> previousFigures(String report) {
        Map<String, String> figures = new LinkedHashMap<>();
        boolean inSummary = false;
        for (String line : report.lines().toList()) {
            if (line.startsWith("| what |")) {
                inSummary = true;
            } else if (inSummary && !line.startsWith("|")) {
                break;
            } else if (inSummary && !line.startsWith("|---")) {
                String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
                if (cells.length >= 4) {
                    figures.put(cells[0].strip(), cells[1].strip());
                }
            }
        }
        return figures;
    }

    private static String measuredLine(String report) {
        return report.lines().filter(line -> line.startsWith("Measured ")).findFirst()
                .map(line -> line.substring("Measured ".length()).replaceFirst(" on .*", "").replaceFirst("\\.$", "")).orElse("?");
    }
}
