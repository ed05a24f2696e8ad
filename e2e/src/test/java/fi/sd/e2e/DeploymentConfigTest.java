package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the services it deploys: every setting a service reads from the
 * environment, and every one its README documents, can be set in its compose block; every
 * container restarts and is health-checked; Kafka and PostgreSQL keep their data in volumes.
 */
class DeploymentConfigTest {

    private static final List<String> SERVICES = List.of("permit-service", "apply-service", "desktop-service", "gateway", "web");
    /** {@code ${NAME}} or {@code ${NAME:default}} in a properties value: a variable of the deployment. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    /** The first cell of a README configuration table row names one or more variables. */
    private static final Pattern README_ROW = Pattern.compile("^\\| ([^|]+)\\|");
    private static final Pattern README_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    /**
     * Variables that are deliberately not deployment settings: the datasource kind is fixed when the image
     * is built (a Quarkus build-time property), and the clock offset exists for the end-to-end tests only.
     */
    private static final Set<String> NOT_DEPLOYMENT_SETTINGS = Set.of("SD_DB_KIND", "SD_CLOCK_OFFSET_FILE");

    private static final Pattern PLATFORM_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>fi\\.sd</groupId>\\s*<artifactId>platform</artifactId>");
    private static final Path ROOT = Path.of(System.getProperty("sd.root", "..")).toAbsolutePath().normalize();
    private static Map<String, Object> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() throws IOException {
        // SnakeYAML resolves the '<<' merge keys, so each service's block is what compose would run.
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void everyEnvironmentVariableAServiceReadsIsSettableInItsComposeBlock() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> settable = settable(service);
            for (String variable : variablesRead(service)) {
                if (!settable.contains(variable) && !NOT_DEPLOYMENT_SETTINGS.contains(variable)) {
                    missing.add(service + ": " + variable);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVariableTheReadmeDocumentsForAServiceIsSettableInItsComposeBlock() throws IOException {
        Map<String, Set<String>> documented = readmeVariables();
        SERVICES.forEach(service -> assertThat(documented.get(service)).as(service + "/README.md documents settings").isNotEmpty());
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> expected = new TreeSet<>(documented.get(service));
            if (usesPlatform(service)) {
                expected.addAll(documented.get("common"));
            }
            Set<String> settable = settable(service);
            expected.stream().filter(v -> !settable.contains(v)).forEach(v -> missing.add(service + ": " + v));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContainerRestartsAndIsHealthChecked() throws IOException {
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> block = (Map<String, Object>) entry.getValue();
            assertThat(block.get("restart")).as(entry.getKey() + " restart policy").isIn("always", "unless-stopped", "on-failure");
            boolean composeCheck = block.get("healthcheck") instanceof Map<?, ?> check && check.get("test") != null;
            assertThat(composeCheck || dockerfile(entry.getKey()).lines().anyMatch(line -> line.startsWith("HEALTHCHECK ")))
                    .as(entry.getKey() + " has a health check in the compose file or its Dockerfile").isTrue();
        }
        assertThat(services.keySet()).containsAll(SERVICES).contains("kafka", "postgres");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaAndPostgresKeepTheirDataInNamedVolumes() {
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        Map<String, String> dataDirectories = Map.of("kafka", "/var/lib/kafka/data", "postgres", "/var/lib/postgresql/data");
        dataDirectories.forEach((service, directory) -> {
            List<String> volumes = (List<String>) ((Map<String, Object>) services.get(service)).get("volumes");
            String volume = volumes.stream().filter(v -> v.endsWith(":" + directory)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " mounts nothing on " + directory));
            assertThat(declared).as("named volume of " + service).containsKey(volume.substring(0, volume.indexOf(':')));
        });
        if (((Map<String, Object>) services.get("kafka")).get("environment") instanceof Map<?, ?> kafka) {
            assertThat(kafka.get("KAFKA_LOG_DIRS")).isEqualTo(dataDirectories.get("kafka"));
        }
    }

    /** The environment the compose block gives the container, and what its image sets itself ({@code ENV} in its Dockerfile). */
    @SuppressWarnings("unchecked")
    private static Set<String> settable(String service) throws IOException {
        Set<String> names = new TreeSet<>(((Map<String, Object>) ((Map<String, Object>) services.get(service))
                .getOrDefault("environment", Map.of())).keySet());
        Matcher env = Pattern.compile("(?m)^ENV (.*)$").matcher(dockerfile(service));
        while (env.find()) {
            Matcher assignment = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(env.group(1));
            while (assignment.find()) {
                names.add(assignment.group(1));
            }
        }
        return names;
    }

    /** The placeholders of the service's configuration outside the test and dev profiles, with the platform's shared defaults. */
    private static Set<String> variablesRead(String service) throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        if (usesPlatform(service)) {
            files.add(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        }
        Set<String> variables = new TreeSet<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#") || line.startsWith("%test.") || line.startsWith("%dev.")) {
                    continue;
                }
                Matcher placeholder = PLACEHOLDER.matcher(line);
                while (placeholder.find()) {
                    variables.add(placeholder.group(1));
                }
            }
        }
        assertThat(variables).as(service + " reads settings from the environment").isNotEmpty();
        return variables;
    }

    /** The variables in the settings tables (headed "| variable |") of each service's README and of docs/configuration.md ("common"). */
    private static Map<String, Set<String>> readmeVariables() throws IOException {
        Map<String, Set<String>> variables = new HashMap<>();
        variables.put("common", tableVariables(ROOT.resolve("docs/configuration.md")));
        for (String service : SERVICES) {
            variables.put(service, tableVariables(ROOT.resolve(service).resolve("README.md")));
        }
        return variables;
    }

    private static Set<String> tableVariables(Path markdown) throws IOException {
        Set<String> variables = new TreeSet<>();
        boolean settingsTable = false;
        for (String line : Files.readAllLines(markdown)) {
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

    /** Whether the service depends on the platform module (and so reads its shared settings); an exclusion does not count. */
    private static boolean usesPlatform(String service) throws IOException {
        return PLATFORM_DEPENDENCY.matcher(Files.readString(ROOT.resolve(service).resolve("pom.xml"))).find();
    }

    @SuppressWarnings("unchecked")
    private static String dockerfile(String service) throws IOException {
        Object build = ((Map<String, Object>) services.get(service)).get("build");
        if (!(build instanceof Map<?, ?> spec) || spec.get("dockerfile") == null) {
            return "";
        }
        return Files.readString(ROOT.resolve(String.valueOf(spec.get("dockerfile"))));
    }
}
