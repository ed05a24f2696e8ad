package fi.sd.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void eachTypeHasItsOwnUriUnderThePrefix() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates()
                .allSatisfy(uri -> assertThat(uri).matches("https://sd\\.fi/problems/[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.UNAUTHENTICATED.uri()).isEqualTo("https://sd.fi/problems/unauthenticated");
        assertThat(ProblemType.VALIDATION.uri()).isEqualTo("https://sd.fi/problems/validation");
    }

    @Test
    void aStatusStandsForItsGeneralType() {
        assertThat(ProblemType.forStatus(400)).contains(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(409)).contains(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(405)).contains(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemType.forStatus(418)).isEmpty();
        assertThat(Arrays.stream(ProblemType.values())).allSatisfy(type -> assertThat(type.status()).isBetween(400, 599));
    }
}
