package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * container restarts and is health-checked (the services on their management port); Kafka and
 * PostgreSQL keep their data in volumes; every service's image is built from the one Dockerfile for
 * its module and port, and starts the JVM with the options of {@code deploy/jvm.options}.
 */
class DeploymentConfigTest {

    private static final List<String> SERVICES = ServiceSettings.applications();
    private static final Path ROOT = ServiceSettings.ROOT;
    private static final Pattern DEFAULT_PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{PORT:([0-9]+)}$");
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
            for (String variable : ServiceSettings.variablesRead(service)) {
                if (!settable.contains(variable) && !ServiceSettings.NOT_DEPLOYMENT_SETTINGS.contains(variable)) {
                    missing.add(service + ": " + variable);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVariableTheReadmeDocumentsForAServiceIsSettableInItsComposeBlock() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> settable = settable(service);
            ServiceSettings.documentedVariables(service).stream().filter(v -> !settable.contains(v))
                    .forEach(v -> missing.add(service + ": " + v));
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
    void everyServiceIsHealthCheckedOnItsManagementPort() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> block = (Map<String, Object>) services.get(service);
            String check = block.get("healthcheck") instanceof Map<?, ?> compose ? String.valueOf(compose.get("test"))
                    : dockerfile(service).lines().filter(line -> line.startsWith("HEALTHCHECK ")).findFirst().orElse("");
            assertThat(check).as(service + " health check").contains("/q/health/ready").contains("MANAGEMENT_PORT");
            assertThat(((Map<String, Object>) block.get("environment"))).as(service + " environment").containsKey("MANAGEMENT_PORT");
        }
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

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsBuiltFromTheOneDockerfileForItsModuleAndPort() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("build");
            assertThat(build.get("dockerfile")).as(service + " Dockerfile").isEqualTo("Dockerfile");
            Matcher port = DEFAULT_PORT.matcher(Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties")));
            assertThat(port.find()).as(service + " listens on ${PORT:default}").isTrue();
            assertThat((Map<String, Object>) build.get("args")).as(service + " build arguments")
                    .containsEntry("MODULE", service).containsEntry("PORT", port.group(1));
        }
        assertThat(ROOT.resolve("permit-service/Dockerfile")).doesNotExist();
    }

    @Test
    void theImageStartsTheJvmWithTheOptionsOfDeployJvmOptions() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^COPY --chown=185 deploy/jvm.options /deployments/jvm.options$");
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        assertThat(entrypoint.group(1)).contains("exec java @/deployments/jvm.options ").endsWith("-jar /deployments/quarkus-run.jar\"]");
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

    @SuppressWarnings("unchecked")
    private static String dockerfile(String service) throws IOException {
        Object build = ((Map<String, Object>) services.get(service)).get("build");
        if (!(build instanceof Map<?, ?> spec) || spec.get("dockerfile") == null) {
            return "";
        }
        return Files.readString(ROOT.resolve(String.valueOf(spec.get("dockerfile"))));
    }
}
