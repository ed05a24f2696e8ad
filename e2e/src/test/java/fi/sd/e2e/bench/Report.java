package fi.sd.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** bench/RESULTS.md: each section's table, the target beside each figure, and where it was measured. */
final class Report {

    private final StringBuilder body = new StringBuilder();
    private final List<String> summary = new ArrayList<>();

    void section(String title, String how) {
        body.append("\n## ").append(title).append("\n\n").append(how).append("\n\n");
        System.out.println("\n== " + title);
    }

    void table(String... header) {
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
        summary.add("| " + what + " | " + figure + " | " + target + " | " + (met ? "met" : "**missed**") + " |");
        System.out.printf("%s: %s (target %s) %s%n", what, figure, target, met ? "met" : "MISSED");
    }

    void write(Path file, String command) throws IOException {
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        out.append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(" with `").append(command).append("` on ").append(Machine.describe()).append(".\n")
                .append("Each ratio is measured in one run, side by side; absolute times drift on a shared machine.\n\n")
                .append("| what | figure | target (2 cores) | |\n|---|---|---|---|\n");
        summary.forEach(line -> out.append(line).append('\n'));
        out.append(body);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println("\nWrote " + file);
    }
}
