package fi.sd.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.platform.problem.ProblemType;

class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void extensionMembersStandBesideTheStandardOnes() throws Exception {
        JsonNode problem = json.valueToTree(new Problem(ProblemType.TOO_LARGE.uri(), "Too large", 413, "over the quota", "/x",
                "r-1", null, Map.of("quotaBytes", 1024L, "usedBytes", 1000L)));

        assertThat(problem.get("quotaBytes").asLong()).isEqualTo(1024);
        assertThat(problem.get("usedBytes").asLong()).isEqualTo(1000);
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.has("extensions")).isFalse();
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void aProblemWithoutExtensionsHasOnlyTheStandardMembers() {
        JsonNode problem = json.valueToTree(new Problem(ProblemType.CONFLICT.uri(), "Conflict", 409, "no", "/x", "r-1", null,
                Map.of()));

        assertThat(problem.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail", "instance",
                "requestId");
    }
}
