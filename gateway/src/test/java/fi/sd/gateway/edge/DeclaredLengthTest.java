package fi.sd.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the edge makes of a Content-Length header: a number of bytes, or nothing it can use (a 400, never a 413). */
class DeclaredLengthTest {

    @Test
    void aWholeNumberIsItsLength() {
        assertThat(EdgeFilters.declaredLength("0")).hasValue(0);
        assertThat(EdgeFilters.declaredLength(" 10485760 ")).hasValue(10_485_760);
    }

    @Test
    void anythingElseIsNoLength() {
        for (String malformed : new String[] {"", "abc", "12abc", "-5", "+5", "1e3", "0x10", "5, 5", "99999999999999999999"}) {
            assertThat(EdgeFilters.declaredLength(malformed)).as(malformed).isEmpty();
        }
    }
}
