package fi.sd.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAWellFormedIdAndReplacesAnythingElse() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("bad id\nInjected log line")).hasSize(36).doesNotContain(" ");
        assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
    }

    @Test
    void aScopeRestoresThePreviousId() {
        try (RequestIds.Scope outer = RequestIds.open("outer")) {
            try (RequestIds.Scope inner = RequestIds.open("inner")) {
                assertThat(RequestIds.current()).contains("inner");
            }
            assertThat(RequestIds.current()).contains("outer");
        }
        assertThat(RequestIds.current()).isEmpty();
    }
}
