package fi.sd.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void aWellFormedIdIsKept() {
        assertThat(RequestContext.acceptOrGenerateRequestId("front-end_42.retry:1")).isEqualTo("front-end_42.retry:1");
        String longest = "a".repeat(128);
        assertThat(RequestContext.acceptOrGenerateRequestId(longest)).isEqualTo(longest);
    }

    @Test
    void anythingElseGetsANewId() {
        for (String refused : new String[] {"", "a".repeat(129), "bad id", "tab\there", "line\nbreak", "ä", "a/b", "a;b"}) {
            String id = RequestContext.acceptOrGenerateRequestId(refused);
            assertThat(id).isNotEqualTo(refused).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
        assertThat(RequestContext.acceptOrGenerateRequestId(null)).hasSize(36);
    }

    @Test
    void newIdsAreVersion4UuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.fromString(RequestContext.newRequestId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id.toString());
        }
        assertThat(seen).hasSize(10_000);
    }
}
