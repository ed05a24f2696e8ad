package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every relative link of every Markdown file in the repository leads to a file or folder that exists. */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("sd.root", "..")).toAbsolutePath().normalize();
    /** An inline link or image, {@code [text](target)} or {@code ![alt](target)}; the target ends at a space or ')'. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> documents = markdownFiles();
        assertThat(documents).as("Markdown files").contains(ROOT.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            boolean inCode = false;
            List<String> lines = Files.readAllLines(document);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    inCode = !inCode;
                }
                if (inCode) {
                    continue;
                }
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    String target = link.group(1);
                    if (isExternal(target)) {
                        continue;
                    }
                    String path = target.replaceAll("#.*$", "");
                    if (!path.isEmpty() && !Files.exists(document.getParent().resolve(path).normalize())) {
                        broken.add(ROOT.relativize(document) + ":" + (i + 1) + " -> " + target);
                    }
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    private static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#");
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !isGenerated(ROOT.relativize(file)))
                    .sorted().toList();
        }
    }

    /** Build output, local run state and dependencies are not documentation. */
    private static boolean isGenerated(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
