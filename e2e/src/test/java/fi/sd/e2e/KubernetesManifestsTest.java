package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes rendered as an operator applies it: every overlay under {@code overlays/}, alone and with every
 * optional component under {@code components/}, by {@code kubectl kustomize}. Every workload (each Deployment,
 * whatever file brought it) runs locked down, is probed on its management port, has resources from the measured
 * memory, a disruption budget and an autoscaler; the network is denied by default and only the gateway reaches the
 * services; each application of the build gets every setting it reads; production holds no secret value.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = ServiceSettings.ROOT.resolve("deploy/kubernetes");
    /** Applications whose resident memory bin/sd bench does not measure yet: their limits are checked against the heap only. */
    private static final Set<String> NOT_MEASURED_YET = Set.of("web");
    private static final Set<String> SECRET_NAMES = Set.of("PASSWORD", "SECRET", "CREDENTIAL", "PRIVATE", "MASTER_KEY", "ACCESS_KEY");
    private static final Pattern RECEIVER = Pattern.compile("consumer group '([^']+)'");
    private static List<Rendering> renderings;

    /** One rendered kustomization: its name (overlay, or overlay plus the components) and its resources. */
    record Rendering(String name, boolean production, List<Map<String, Object>> resources) {

        @Override
        public String toString() {
            return name;
        }

        List<Map<String, Object>> ofKind(String kind) {
            return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream().filter(r -> name.equals(get(r, "metadata", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(this + ": no " + kind + " " + name));
        }

        List<Workload> workloads() {
            return ofKind("Deployment").stream().map(Workload::new).toList();
        }
    }

    /** A Deployment's pod template. */
    record Workload(Map<String, Object> deployment) {

        String name() {
            return (String) get(deployment, "metadata", "name");
        }

        Map<String, Object> pod() {
            return map(get(deployment, "spec", "template", "spec"));
        }

        Map<String, Object> labels() {
            return map(get(deployment, "spec", "template", "metadata", "labels"));
        }

        List<Map<String, Object>> containers() {
            return list(pod().get("containers")).stream().map(KubernetesManifestsTest::map).toList();
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static synchronized List<Rendering> renderings() throws IOException {
        if (renderings == null) {
            List<Rendering> all = new ArrayList<>();
            List<Path> components = directories(KUBERNETES.resolve("components"));
            Path scratch = Files.createDirectories(ServiceSettings.ROOT.resolve("e2e/target/kubernetes"));
            for (Path overlay : directories(KUBERNETES.resolve("overlays"))) {
                String name = overlay.getFileName().toString();
                boolean production = name.equals("production");
                all.add(new Rendering(name, production, render(overlay)));
                if (!components.isEmpty()) {
                    Path withComponents = Files.createDirectories(scratch.resolve(name + "-with-components"));
                    StringBuilder kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
                            .append("resources:\n  - ").append(withComponents.relativize(overlay)).append("\ncomponents:\n");
                    components.forEach(component -> kustomization.append("  - ").append(withComponents.relativize(component)).append('\n'));
                    Files.writeString(withComponents.resolve("kustomization.yaml"), kustomization);
                    all.add(new Rendering(name + " with " + components.stream().map(c -> c.getFileName().toString()).toList(),
                            production, render(withComponents)));
                }
            }
            renderings = all;
        }
        return renderings;
    }

    @Test
    void everyOverlayAndComponentIsRendered() throws IOException {
        assertThat(renderings()).extracting(Rendering::name).contains("local", "production");
        assertThat(renderings()).anySatisfy(r -> assertThat(r.ofKind("KafkaTopic")).isNotEmpty());
        assertThat(renderings()).anySatisfy(r -> assertThat(r.ofKind("ScaledObject")).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyApplicationOfTheBuildIsDeployedWithAServiceOnItsTwoPorts(Rendering rendering) {
        List<String> deployed = rendering.workloads().stream().map(Workload::name).toList();
        assertThat(deployed).containsAll(ServiceSettings.applications());
        for (String application : ServiceSettings.applications()) {
            List<Object> ports = list(get(rendering.named("Service", application), "spec", "ports")).stream()
                    .map(port -> map(port).get("targetPort")).toList();
            assertThat(ports).as(application + "'s Service").containsExactlyInAnyOrder("http", "management");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyWorkloadRunsLockedDown(Rendering rendering) {
        for (Workload workload : rendering.workloads()) {
            Map<String, Object> pod = workload.pod();
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertThat(pod.get("automountServiceAccountToken")).as(workload + " mounts no API token").isEqualTo(false);
            assertThat(get(podSecurity, "seccompProfile", "type")).as(workload + " seccomp profile").isIn("RuntimeDefault", "Localhost");
            Set<String> emptyDirs = new TreeSet<>();
            list(pod.get("volumes")).stream().map(KubernetesManifestsTest::map).filter(v -> v.containsKey("emptyDir"))
                    .forEach(v -> emptyDirs.add((String) v.get("name")));
            for (Map<String, Object> container : workload.containers()) {
                Map<String, Object> security = map(container.get("securityContext"));
                String what = workload + "/" + container.get("name");
                assertThat(Objects.requireNonNullElse(security.get("runAsNonRoot"), podSecurity.get("runAsNonRoot")))
                        .as(what + " runs as non-root").isEqualTo(true);
                assertThat(security.get("allowPrivilegeEscalation")).as(what + " escalates no privilege").isEqualTo(false);
                assertThat(security.get("privileged")).as(what + " is not privileged").isNotEqualTo(true);
                assertThat(security.get("readOnlyRootFilesystem")).as(what + " has a read-only root").isEqualTo(true);
                assertThat(list(get(security, "capabilities", "drop"))).as(what + " drops every capability").contains("ALL");
                assertThat(list(get(security, "capabilities", "add"))).as(what + " adds no capability").isEmpty();
                assertThat(list(container.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                        .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> m.get("name")).toList())
                        .as(what + " writes /tmp to an emptyDir").hasSize(1).allMatch(emptyDirs::contains);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyWorkloadIsProbedOnItsManagementPortWhichNoIngressExposes(Rendering rendering) {
        for (Workload workload : rendering.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String what = workload + "/" + container.get("name");
                assertThat(list(container.get("ports")).stream().map(p -> map(p).get("name")).toList())
                        .as(what + " ports").contains("management");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(get(container, probe, "httpGet", "port")).as(what + " " + probe).isEqualTo("management");
                    if (ServiceSettings.applications().contains(workload.name())) {
                        assertThat((String) get(container, probe, "httpGet", "path")).as(what + " " + probe).startsWith("/q/health/");
                    }
                }
            }
        }
        for (Map<String, Object> ingress : rendering.ofKind("Ingress")) {
            for (Object rule : list(get(ingress, "spec", "rules"))) {
                for (Object path : list(get(map(rule), "http", "paths"))) {
                    Map<String, Object> backend = map(get(map(path), "backend", "service"));
                    assertThat(backend.get("name")).as("an ingress reaches the gateway or the web").isIn("gateway", "web");
                    assertThat(get(backend, "port", "name")).as("an ingress reaches a public port only").isEqualTo("http");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void resourcesFollowTheMeasuredMemoryAndTheJvmOptions(Rendering rendering) throws IOException {
        Map<String, Long> measured = residentMemoryAfterTheLoad();
        List<String> jvmOptions = jvmOptions();
        long heap = mebibytes(jvmOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow().substring(4));
        for (Workload workload : rendering.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String what = workload + "/" + container.get("name");
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(get(resources, "requests", "cpu")).as(what + " CPU request").isNotNull();
                long request = mebibytes((String) get(resources, "requests", "memory"));
                long limit = mebibytes((String) get(resources, "limits", "memory"));
                assertThat(limit).as(what + " memory limit (MiB) above its request").isGreaterThan(request);
                assertThat(limit).as(what + " memory limit (MiB) above the heap").isGreaterThan(heap);
                if (measured.containsKey(workload.name())) {
                    assertThat(request).as(what + " memory request (MiB) covers the measured resident set").isGreaterThanOrEqualTo(measured.get(workload.name()));
                    assertThat(4 * limit).as(what + " memory limit (MiB, times 4) leaves a quarter above the measured resident set")
                            .isGreaterThanOrEqualTo(5 * measured.get(workload.name()));
                }
                if (ServiceSettings.applications().contains(workload.name())) {
                    assertThat(Arrays.asList(environment(rendering, container).getOrDefault("JDK_JAVA_OPTIONS", "").split(" ")))
                            .as(what + " runs the JVM with deploy/jvm.options").containsExactlyElementsOf(jvmOptions);
                }
            }
        }
        assertThat(measured).as("bench/RESULTS.md measured every application but those not measured yet")
                .containsKeys(ServiceSettings.applications().stream().filter(a -> !NOT_MEASURED_YET.contains(a)).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyWorkloadHasADisruptionBudgetAndOneAutoscaler(Rendering rendering) {
        for (Workload workload : rendering.workloads()) {
            assertThat(rendering.ofKind("PodDisruptionBudget").stream()
                    .filter(pdb -> selects(map(get(pdb, "spec", "selector")), workload.labels())).toList())
                    .as(workload + " disruption budget").hasSize(1);
            long autoscalers = Stream.concat(
                    rendering.ofKind("HorizontalPodAutoscaler").stream().filter(hpa -> workload.name().equals(get(hpa, "spec", "scaleTargetRef", "name")))
                            .peek(hpa -> assertThat(list(get(hpa, "spec", "metrics"))).as(workload + " scales on CPU")
                                    .anySatisfy(m -> assertThat(get(map(m), "resource", "name")).isEqualTo("cpu"))),
                    rendering.ofKind("ScaledObject").stream().filter(so -> workload.name().equals(get(so, "spec", "scaleTargetRef", "name"))))
                    .count();
            assertThat(autoscalers).as(workload + " autoscalers").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theNetworkIsDeniedByDefaultAndOnlyTheGatewayReachesTheServices(Rendering rendering) {
        List<Map<String, Object>> policies = rendering.ofKind("NetworkPolicy");
        assertThat(policies).as("a default deny of both directions").anySatisfy(policy -> {
            assertThat(map(get(policy, "spec", "podSelector"))).isEmpty();
            assertThat(list(get(policy, "spec", "policyTypes"))).contains("Ingress", "Egress");
            assertThat(list(get(policy, "spec", "ingress"))).isEmpty();
            assertThat(list(get(policy, "spec", "egress"))).isEmpty();
        });
        Workload gateway = rendering.workloads().stream().filter(w -> w.name().equals("gateway")).findFirst().orElseThrow();
        for (Workload workload : rendering.workloads()) {
            List<Map<String, Object>> ingress = rules(policies, workload, "ingress");
            List<Map<String, Object>> egress = rules(policies, workload, "egress");
            if ("service".equals(workload.labels().get("app.kubernetes.io/component"))) {
                for (Map<String, Object> rule : ingress) {
                    for (Object peer : list(rule.get("from"))) {
                        Map<String, Object> from = map(peer);
                        boolean fromGateway = !from.containsKey("namespaceSelector") && !from.containsKey("ipBlock")
                                && selects(map(from.get("podSelector")), gateway.labels());
                        boolean scrapeOnly = from.containsKey("namespaceSelector") && !from.containsKey("ipBlock")
                                && list(rule.get("ports")).stream().allMatch(p -> "management".equals(map(p).get("port")));
                        assertThat(fromGateway || scrapeOnly).as(workload + " lets in " + from + " on " + rule.get("ports")).isTrue();
                    }
                }
                assertThat(ingress).as(workload + " is reached by the gateway").isNotEmpty();
                assertThat(ports(egress)).as(workload + " reaches its database and the brokers").contains(5432, 9092);
            }
            assertThat(egress).as(workload + " reaches the resolver").anySatisfy(rule -> assertThat(ports(List.of(rule))).contains(53));
        }
        assertThat(rules(policies, gateway, "egress")).as("the gateway reaches the services").anySatisfy(rule ->
                assertThat(list(rule.get("to"))).anySatisfy(to -> assertThat(get(map(to), "podSelector", "matchLabels"))
                        .isEqualTo(Map.of("app.kubernetes.io/component", "service"))));
        for (Workload workload : rendering.workloads()) {
            if (ServiceSettings.applications().contains(workload.name())) {
                assertThat(rules(policies, workload, "egress")).as(workload + " reaches the identity provider's JWKS").anySatisfy(rule ->
                        assertThat(list(rule.get("to"))).anySatisfy(to -> assertThat(
                                "keycloak".equals(get(map(to), "podSelector", "matchLabels", "app.kubernetes.io/name")) || map(to).containsKey("ipBlock"))
                                .isTrue()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everySettingAnApplicationReadsIsSetInItsDeployment(Rendering rendering) {
        List<String> missing = new ArrayList<>();
        for (String application : ServiceSettings.applications()) {
            Workload workload = new Workload(rendering.named("Deployment", application));
            Set<String> set = new TreeSet<>();
            workload.containers().forEach(container -> set.addAll(environment(rendering, container).keySet()));
            ServiceSettings.deploymentVariables(application).stream().filter(v -> !set.contains(v)).forEach(v -> missing.add(application + ": " + v));
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void productionHoldsNoSecretValue(Rendering rendering) {
        if (!rendering.production()) {
            return;
        }
        assertThat(rendering.ofKind("Secret")).as("Secrets in " + rendering).isEmpty();
        for (Map<String, Object> configMap : rendering.ofKind("ConfigMap")) {
            assertThat(map(configMap.get("data")).keySet()).as("settings that are secrets").noneMatch(KubernetesManifestsTest::namesASecret);
        }
        for (Workload workload : rendering.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                list(container.get("env")).stream().map(KubernetesManifestsTest::map).filter(e -> namesASecret((String) e.get("name")))
                        .forEach(e -> assertThat(get(e, "valueFrom", "secretKeyRef", "name")).as(workload + " takes " + e.get("name") + " from a Secret").isNotNull());
                assertThat((String) container.get("image")).as(workload + " image is pinned").contains(":").doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void kafkaTopicsAndLagScalersFollowTheAsyncApiDocument(Rendering rendering) throws IOException {
        Map<String, Object> asyncapi = new Yaml().load(Files.readString(ServiceSettings.ROOT.resolve("events/src/main/resources/fi/sd/events/asyncapi.yaml")));
        Map<String, String> addresses = new HashMap<>();
        map(asyncapi.get("channels")).forEach((key, channel) -> addresses.put(key, (String) map(channel).get("address")));
        Map<String, Set<String>> consumed = new HashMap<>();
        for (Object operation : map(asyncapi.get("operations")).values()) {
            Map<String, Object> op = map(operation);
            if ("receive".equals(op.get("action"))) {
                Matcher receiver = RECEIVER.matcher((String) op.get("summary"));
                assertThat(receiver.find()).as("a receive operation names its consumer group: " + op.get("summary")).isTrue();
                String channel = ((String) get(op, "channel", "$ref")).replace("#/channels/", "");
                consumed.computeIfAbsent(receiver.group(1), k -> new TreeSet<>()).add(addresses.get(channel));
            }
        }
        List<Map<String, Object>> topics = rendering.ofKind("KafkaTopic");
        if (!topics.isEmpty()) {
            Set<String> expected = new TreeSet<>(addresses.values());
            consumed.forEach((consumer, read) -> read.forEach(topic -> expected.add(topic + ".dlq." + consumer)));
            assertThat(topics.stream().map(t -> get(t, "spec", "topicName")).toList()).containsExactlyInAnyOrderElementsOf(expected);
            Map<String, Object> settings = map(rendering.ofKind("ConfigMap").stream()
                    .filter(c -> map(c.get("data")).containsKey("SD_MESSAGING_TOPICS_PARTITIONS")).findFirst().orElseThrow().get("data"));
            assertThat(settings.get("SD_MESSAGING_TOPICS_CREATE")).as("the services leave the topics to Strimzi").isEqualTo("false");
            for (Map<String, Object> topic : topics) {
                assertThat(String.valueOf(get(topic, "spec", "partitions"))).isEqualTo(settings.get("SD_MESSAGING_TOPICS_PARTITIONS"));
            }
        }
        for (Map<String, Object> scaler : rendering.ofKind("ScaledObject")) {
            String service = (String) get(scaler, "spec", "scaleTargetRef", "name");
            List<Map<String, Object>> lag = list(get(scaler, "spec", "triggers")).stream().map(KubernetesManifestsTest::map)
                    .filter(t -> "kafka".equals(t.get("type"))).map(t -> map(t.get("metadata"))).toList();
            assertThat(lag).allSatisfy(t -> assertThat(t.get("consumerGroup")).isEqualTo(service));
            assertThat(lag.stream().map(t -> t.get("topic")).toList()).as(service + " scales on the topics it reads")
                    .containsExactlyInAnyOrderElementsOf(consumed.get(service));
        }
    }

    /** A container's environment by name, with the values of the ConfigMaps (and rendered Secrets) it takes them from. */
    private static Map<String, String> environment(Rendering rendering, Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : list(container.get("envFrom"))) {
            Map<String, Object> from = map(source);
            String kind = from.containsKey("configMapRef") ? "ConfigMap" : "Secret";
            String name = (String) get(from, kind.equals("ConfigMap") ? "configMapRef" : "secretRef", "name");
            map(rendering.named(kind, name).get(kind.equals("ConfigMap") ? "data" : "stringData"))
                    .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Object variable : list(container.get("env"))) {
            Map<String, Object> env = map(variable);
            Map<String, Object> fromConfigMap = map(get(env, "valueFrom", "configMapKeyRef"));
            String value = (String) env.get("value");
            if (!fromConfigMap.isEmpty()) {
                value = (String) map(rendering.named("ConfigMap", (String) fromConfigMap.get("name")).get("data")).get(fromConfigMap.get("key"));
                assertThat(value).as(env.get("name") + " from ConfigMap " + fromConfigMap).isNotNull();
            }
            environment.put((String) env.get("name"), value);
        }
        return environment;
    }

    /** The rules of one direction of every policy that selects the workload's pods. */
    private static List<Map<String, Object>> rules(List<Map<String, Object>> policies, Workload workload, String direction) {
        return policies.stream().filter(p -> selects(map(get(p, "spec", "podSelector")), workload.labels()))
                .flatMap(p -> list(get(p, "spec", direction)).stream()).map(KubernetesManifestsTest::map).toList();
    }

    private static Set<Object> ports(List<Map<String, Object>> rules) {
        Set<Object> ports = new java.util.HashSet<>();
        rules.forEach(rule -> list(rule.get("ports")).forEach(port -> ports.add(map(port).get("port"))));
        return ports;
    }

    /** Whether a label selector (matchLabels, matchExpressions with In, NotIn, Exists, DoesNotExist) selects these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean matches = map(selector.get("matchLabels")).entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        for (Object expression : list(selector.get("matchExpressions"))) {
            Map<String, Object> e = map(expression);
            Object value = labels.get(e.get("key"));
            List<Object> values = list(e.get("values"));
            matches &= switch ((String) e.get("operator")) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + e);
            };
        }
        return matches;
    }

    private static boolean namesASecret(String name) {
        return SECRET_NAMES.stream().anyMatch(name::contains);
    }

    /** The options of deploy/jvm.options, one a line, comments left out. */
    private static List<String> jvmOptions() throws IOException {
        return Files.readAllLines(ServiceSettings.ROOT.resolve("deploy/jvm.options")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** bench/RESULTS.md, "Memory after the load": the resident set of each application after the benchmarks' load, in MiB. */
    private static Map<String, Long> residentMemoryAfterTheLoad() throws IOException {
        List<String> lines = Files.readAllLines(ServiceSettings.ROOT.resolve("bench/RESULTS.md"));
        int section = lines.indexOf("## Memory after the load");
        assertThat(section).as("bench/RESULTS.md has the section 'Memory after the load'").isNotNegative();
        Map<String, Long> memory = new HashMap<>();
        int column = -1;
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (column >= 0) {
                    break; // the section's first table ends; what follows explains it
                }
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1).split("\\|")).map(String::trim).toList();
            if (column < 0) {
                column = cells.indexOf("RSS after the load (MiB)");
            } else if (!cells.get(0).startsWith("---")) {
                memory.put(cells.get(0), Long.parseLong(cells.get(column)));
            }
        }
        return memory;
    }

    /** A Kubernetes memory quantity ({@code 320Mi}, {@code 1Gi}, {@code 512M}) or a JVM size ({@code 128m}) in MiB. */
    static long mebibytes(String quantity) {
        Matcher amount = Pattern.compile("(\\d+)([KMGkmg]i?)?").matcher(quantity);
        assertThat(amount.matches()).as("a memory quantity: " + quantity).isTrue();
        long number = Long.parseLong(amount.group(1));
        String unit = amount.group(2) == null ? "" : amount.group(2).toUpperCase().replace("I", "");
        return switch (unit) {
            case "K" -> number / 1024;
            case "M" -> number;
            case "G" -> number * 1024;
            default -> number / (1024 * 1024);
        };
    }

    private static List<Map<String, Object>> render(Path kustomization) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).redirectErrorStream(false).start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kubectl.exitValue()).as("kubectl kustomize " + kustomization + ": " + errors).isZero();
            List<Map<String, Object>> resources = new ArrayList<>();
            new Yaml().loadAll(new String(out, StandardCharsets.UTF_8)).forEach(document -> resources.add(map(document)));
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed to render deploy/kubernetes ('bin/sd test' installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> directories(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    /** A nested field, or null when any step is missing. */
    static Object get(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
