package fi.sd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.testsupport.TopicReader;
import io.restassured.response.Response;

/**
 * The contracts, checked against what actually went over the wire: every event on the three topics
 * from offset 0, and every request the tests sent through the gateway. It drives both permit routes
 * itself, so it proves something when run alone; run last (failsafe's class order, in the e2e pom) it also
 * covers everything the other scenarios did.
 */
@Order(Integer.MAX_VALUE)
class ContractsIT extends SystemTest {

    /** The record keys of the records FaultToleranceIT writes on purpose without being a CloudEvent. */
    private static final String INJECTED_MALFORMED_KEY_PREFIX = "malformed-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RegisterProject register;
    private static String findataPermit;

    @BeforeAll
    static void bothRoutes() {
        register = new RegisterProject(api, system, "contracts").approvedAndReleased();
        register.command(register.asController(), "revoke", Map.of("comment", "Contract run")).then().statusCode(200);

        findataPermit = api.grantFindataPermit("contracts-findata-" + register.datasetId);
        Releases.deliver(api::asFindata, findataPermit, "thl-avohilmo", Releases.visits());
        api.asFindata().body(Map.of("reason", "Contract run")).post("/permits/{id}/revocation", findataPermit).then().statusCode(200);
        api.asFindata().get("/permits/{id}/versions/{n}", findataPermit, 2).then().statusCode(200);
        api.as(Api.RESEARCHER, "researcher").get("/projects/{id}/overview", register.projectId).then().statusCode(200);
        api.as(Api.RESEARCHER, "researcher").get("/me").then().statusCode(200);
    }

    @Test
    void everyEventOnEveryTopicValidatesAgainstItsSchemaAndIsListedForItsChannel() throws IOException {
        Map<String, Set<String>> channels = asyncApiChannels();
        // The flows above end with these: once they are on the topics, everything before them is too (one partition per permit).
        awaitEvent(Topic.APPLY, register.permitId, EventType.APPLICATION_REVOKED);
        awaitEvent(Topic.DESKTOP, register.permitId, EventType.WORKSPACE_PROVISIONED);
        awaitEvent(Topic.DESKTOP, findataPermit, EventType.WORKSPACE_LOCKED);

        Map<String, Integer> seen = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            try (TopicReader reader = TopicReader.fromBeginning(topic.topicName())) {
                for (ConsumerRecord<String, String> record : reader.drain(r -> true, Duration.ofSeconds(5))) {
                    String ceType = header(record, "ce_type");
                    if (ceType == null) {
                        assertThat(record.key()).as("a record without CloudEvent headers on " + topic.topicName())
                                .startsWith(INJECTED_MALFORMED_KEY_PREFIX);
                        continue;
                    }
                    String where = topic.topicName() + "@" + record.partition() + ":" + record.offset() + " " + ceType;
                    EventType type = EventType.fromCeType(ceType).orElse(null);
                    if (type == null) {
                        broken.add(where + ": unknown type");
                        continue;
                    }
                    seen.merge(type.eventName(), 1, Integer::sum);
                    if (type.topic() != topic) {
                        broken.add(where + ": belongs on " + type.topic().topicName());
                    }
                    if (!channels.getOrDefault(topic.topicName(), Set.of()).contains(type.eventName())) {
                        broken.add(where + ": not listed for this channel in asyncapi.yaml");
                    }
                    if (!topic.ceSource().equals(header(record, "ce_source"))) {
                        broken.add(where + ": source " + header(record, "ce_source"));
                    }
                    EventSchemas.violations(type, JSON.readTree(record.value())).forEach(v -> broken.add(where + ": " + v));
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(seen).containsKeys("PermitGranted", "PermitRevoked", "DataReleased", "ApplicationSubmitted",
                "ApplicationApproved", "ApplicationRevoked", "AccessGranted", "AccessRevoked", "WorkspaceProvisioned",
                "WorkspaceLocked");
    }

    @Test
    void everyPathTheTestsCalledIsInTheMergedOpenApiDocument() {
        JsonNode paths = readJson(given().baseUri(system.gatewayUrl()).get("/api/v1/openapi").then().statusCode(200)
                .body("x-sd-unavailable", hasSize(0)).extract().asString()).get("paths");
        List<Operation> documented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(
                method -> documented.add(new Operation(method.getKey().toUpperCase(), path.getKey()))));

        Set<Api.Call> called = new HashSet<>(Api.calls());
        assertThat(called).extracting(Api.Call::path).contains("/api/v1/permits/" + register.permitId + "/releases", "/api/v1/me",
                "/api/v1/projects/" + register.projectId + "/overview");
        List<Api.Call> undocumented = called.stream()
                .filter(call -> documented.stream().noneMatch(operation -> operation.matches(call)))
                .toList();
        assertThat(undocumented).isEmpty();
    }

    /** The problems the gateway makes itself are of the types, with the titles, that the services answer for the same case. */
    @Test
    void theGatewaysOwnProblemsAreTheServicesProblemTypes() {
        String permitService = system.service(E2eSystem.PERMIT).url();
        assertThat(problem(given().baseUri(system.gatewayUrl()).get("/api/v1/me")))
                .isEqualTo(problem(given().baseUri(permitService).get("/api/v1/permits")))
                .isEqualTo(new TypeAndTitle(401, "https://sd.fi/problems/unauthenticated", "Unauthenticated"));
        assertThat(problem(api.as(Api.RESEARCHER, "researcher").get("/projects/{id}/overview", "not an id")))
                .isEqualTo(problem(api.asFindata().body(Map.of("route", "FINDATA")).post("/permits")))
                .isEqualTo(new TypeAndTitle(400, "https://sd.fi/problems/validation", "Invalid request"));
        // Not through Api, whose calls must all be documented operations.
        String researcher = system.tokens().user(Api.RESEARCHER, "researcher").bearer();
        assertThat(problem(given().baseUri(system.gatewayUrl()).header("Authorization", researcher).get("/api/v1/no-such-family")))
                .isEqualTo(problem(api.as(Api.RESEARCHER, "researcher").get("/permits/{id}", "no-such-permit")))
                .isEqualTo(new TypeAndTitle(404, "https://sd.fi/problems/not-found", "Not found"));
    }

    /** A body that is not JSON, sent through the gateway: the service says what is wrong and where. */
    @Test
    void aBodyThatIsNotJsonIsToldWhereItBreaks() {
        Response answer = api.asFindata().body("{\"journalNumber\": \"THL/1/2026\",\n  \"route\": }")
                .post("/permits");
        assertThat(problem(answer)).isEqualTo(new TypeAndTitle(400, "https://sd.fi/problems/malformed-json", "Malformed JSON"));
        assertThat(answer.jsonPath().getString("detail"))
                .startsWith("The request body is not valid JSON at line 2, column 12: Unexpected character ('}'");
    }

    private static TypeAndTitle problem(Response answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return new TypeAndTitle(answer.statusCode(), answer.jsonPath().getString("type"), answer.jsonPath().getString("title"));
    }

    private record TypeAndTitle(int status, String type, String title) {
    }

    private static void awaitEvent(Topic topic, String permitId, EventType type) {
        try (TopicReader reader = TopicReader.fromBeginning(topic.topicName())) {
            reader.await(r -> permitId.equals(r.key()) && type.ceType().equals(header(r, "ce_type")), 1, RegisterProject.ASYNC);
        }
    }

    /** Channel address → the message names asyncapi.yaml lists for it. */
    private static Map<String, Set<String>> asyncApiChannels() throws IOException {
        Map<String, Set<String>> channels = new HashMap<>();
        try (InputStream in = EventSchemas.class.getResourceAsStream("/fi/sd/events/asyncapi.yaml")) {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(in);
            document.get("channels").forEach(channel -> {
                Set<String> messages = new HashSet<>();
                channel.get("messages").properties().forEach(message -> messages.add(message.getKey()));
                channels.put(channel.get("address").asText(), messages);
            });
        }
        return channels;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A documented operation; its path template's {@code {param}} segments match any one segment, but
     * a file's {@code {name}} at the end of a path matches the rest of it (file names have folders).
     */
    private record Operation(String method, String template) {

        boolean matches(Api.Call call) {
            // A file's name or path is the rest of the path (folders included).
            String regex = Pattern.quote(template).replaceAll("/\\{(name|path)}\\\\E$", "/\\\\E.+")
                    .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return method.equals(call.method()) && Pattern.matches(regex, call.path());
        }
    }
}
