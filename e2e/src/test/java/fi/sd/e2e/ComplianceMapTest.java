package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/compliance.md against the code: every test it names ({@code `Class#method`}) is a test method of that class in
 * the repository's test sources, every requirement row names its source and a status, and every row marked met names
 * at least one test.
 */
class ComplianceMapTest {

    private static final Path MAP = ServiceSettings.ROOT.resolve("docs/compliance.md");
    private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z]\\w*)#([a-z]\\w*)`");
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    private static final Set<String> STATUSES = Set.of("met", "partly met", "in progress", "not met", "operator");
    private static final String HEADER = "| id | requirement | source | feature | tests | status |";

    @Test
    void everyTestTheMapNamesExists() throws IOException {
        Map<String, List<Path>> classes = testClasses();
        List<String> references = new ArrayList<>();
        Matcher reference = TEST_REFERENCE.matcher(Files.readString(MAP));
        while (reference.find()) {
            references.add(reference.group(1) + "#" + reference.group(2));
        }
        assertThat(references).as("tests named in the map").hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        for (String test : references) {
            String[] parts = test.split("#");
            List<Path> files = classes.getOrDefault(parts[0], List.of());
            if (files.stream().noneMatch(file -> declaresTest(file, parts[1]))) {
                missing.add(test + (files.isEmpty() ? " (no such class)" : " (no such test method)"));
            }
        }
        assertThat(missing).as("tests the map names that do not exist").isEmpty();
    }

    @Test
    void everyRequirementNamesItsSourceAndStatusAndEveryMetOneATest() throws IOException {
        List<String[]> rows = requirementRows();
        assertThat(rows).as("requirement rows").hasSizeGreaterThan(20);
        for (String[] row : rows) {
            String id = row[0];
            assertThat(row[2]).as(id + " names its source").isNotBlank();
            String status = row[5].split(":")[0].trim();
            assertThat(status).as(id + " status").isIn(STATUSES);
            if (status.equals("met")) {
                assertThat(TEST_REFERENCE.matcher(row[4]).find()).as(id + " is met, so it names a test").isTrue();
            }
            if (status.equals("partly met") || status.equals("in progress") || status.equals("not met")) {
                assertThat(row[5]).as(id + " says what is missing").contains(":");
            }
        }
        assertThat(rows.stream().map(r -> r[0]).distinct().count()).as("unique ids").isEqualTo(rows.size());
    }

    /** The cells of every row of the map's requirement tables. */
    private static List<String[]> requirementRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(MAP)) {
            if (line.equals(HEADER)) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::trim).toArray(String[]::new);
                assertThat(cells).as("six cells: " + line).hasSize(6);
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Each class's source files by simple name: every module's src/test/java, and test-support, whose sources are tests' code. */
    private static Map<String, List<Path>> testClasses() throws IOException {
        Map<String, List<Path>> classes = new HashMap<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ServiceSettings.ROOT)) {
            modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        roots.add(ServiceSettings.ROOT.resolve("test-support/src/main/java"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> classes
                        .computeIfAbsent(file.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(file));
            }
        }
        return classes;
    }

    /** Whether the file declares a method of that name with a JUnit test annotation among the lines right above it. */
    private static boolean declaresTest(Path file, String method) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(");
        for (int i = 0; i < lines.size(); i++) {
            if (!declaration.matcher(lines.get(i)).find()) {
                continue;
            }
            for (int above = i - 1; above >= 0; above--) {
                String line = lines.get(above).trim();
                if (line.isEmpty() || line.endsWith(";") || line.endsWith("}") || line.endsWith("{")) {
                    break;
                }
                if (TEST_ANNOTATION.matcher(line).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
