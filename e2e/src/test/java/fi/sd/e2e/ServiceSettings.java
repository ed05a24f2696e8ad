package fi.sd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployments must set for each application of the build (a module packaged by the Quarkus plugin): the
 * environment variables its configuration reads (placeholders of its {@code application.properties} and, when it
 * uses a shared library module, that module's defaults, outside the test and dev profiles) and those its README's
 * settings table documents (with the shared modules' tables for their users).
 */
final class ServiceSettings {

    static final Path ROOT = Path.of(System.getProperty("sd.root", "..")).toAbsolutePath().normalize();

    /** {@code ${NAME}} or {@code ${NAME:default}} in a properties value: a variable of the deployment. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    /** The first cell of a README configuration table row names one or more variables. */
    private static final Pattern README_ROW = Pattern.compile("^\\| ([^|]+)\\|");
    private static final Pattern README_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** A library module whose settings every application depending on it reads: its defaults and the table documenting them. */
    private record SharedModule(String artifactId, String configuration, String documentation) {

        boolean usedBy(String application) {
            return Pattern.compile("<dependency>\\s*<groupId>fi\\.sd</groupId>\\s*<artifactId>" + artifactId + "</artifactId>")
                    .matcher(read(ROOT.resolve(application).resolve("pom.xml"))).find();
        }
    }

    private static final List<SharedModule> SHARED_MODULES = List.of(
            new SharedModule("platform", "platform/src/main/resources/META-INF/microprofile-config.properties", "docs/configuration.md"),
            new SharedModule("storage", "storage/src/main/resources/META-INF/microprofile-config.properties", "storage/README.md"));
    /**
     * Variables that are deliberately not deployment settings: the datasource kind is fixed when the image
     * is built (a Quarkus build-time property), and the clock offset exists for the end-to-end tests only.
     */
    static final Set<String> NOT_DEPLOYMENT_SETTINGS = Set.of("SD_DB_KIND", "SD_CLOCK_OFFSET_FILE");

    private ServiceSettings() {
    }

    /** The modules of the root pom that the Quarkus plugin packages as an application: what gets deployed. */
    static List<String> applications() {
        List<String> applications = new ArrayList<>();
        Matcher module = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (module.find()) {
            Path pom = ROOT.resolve(module.group(1)).resolve("pom.xml");
            if (read(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                applications.add(module.group(1));
            }
        }
        return applications;
    }

    /** Every variable a deployment of the application must be able to set: read by its configuration or documented. */
    static Set<String> deploymentVariables(String application) {
        Set<String> variables = new TreeSet<>(variablesRead(application));
        variables.addAll(documentedVariables(application));
        variables.removeAll(NOT_DEPLOYMENT_SETTINGS);
        return variables;
    }

    /** The placeholders of the application's configuration outside the test and dev profiles, with its shared modules' defaults. */
    static Set<String> variablesRead(String application) {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve(application).resolve("src/main/resources/application.properties")));
        SHARED_MODULES.stream().filter(shared -> shared.usedBy(application)).forEach(shared -> files.add(ROOT.resolve(shared.configuration())));
        Set<String> variables = new TreeSet<>();
        for (Path file : files) {
            for (String line : read(file).lines().toList()) {
                if (line.startsWith("#") || line.startsWith("%test.") || line.startsWith("%dev.")) {
                    continue;
                }
                Matcher placeholder = PLACEHOLDER.matcher(line);
                while (placeholder.find()) {
                    variables.add(placeholder.group(1));
                }
            }
        }
        if (variables.isEmpty()) {
            throw new AssertionError(application + " reads no settings from the environment");
        }
        return variables;
    }

    /** The variables of the application's README settings table, and of its shared modules' tables. */
    static Set<String> documentedVariables(String application) {
        Set<String> variables = tableVariables(ROOT.resolve(application).resolve("README.md"));
        if (variables.isEmpty()) {
            throw new AssertionError(application + "/README.md documents no settings");
        }
        SHARED_MODULES.stream().filter(shared -> shared.usedBy(application))
                .forEach(shared -> variables.addAll(tableVariables(ROOT.resolve(shared.documentation()))));
        return variables;
    }

    /** The variables in the settings tables (headed "| variable |") of a Markdown file. */
    private static Set<String> tableVariables(Path markdown) {
        Set<String> variables = new TreeSet<>();
        boolean settingsTable = false;
        for (String line : read(markdown).lines().toList()) {
            if (!line.startsWith("|")) {
                settingsTable = false;
            } else if (line.startsWith("| variable |")) {
                settingsTable = true;
                continue;
            }
            Matcher row = README_ROW.matcher(line);
            if (settingsTable && row.find()) {
                Matcher variable = README_VARIABLE.matcher(row.group(1));
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
            }
        }
        return variables;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
