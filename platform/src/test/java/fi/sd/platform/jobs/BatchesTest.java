package fi.sd.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void fullBatchesAreFollowedByAnotherUntilAShortOne() {
        int[] due = {7};
        List<Integer> asked = new ArrayList<>();
        int total = Batches.drain(3, limit -> {
            asked.add(limit);
            int claimed = Math.min(limit, due[0]);
            due[0] -= claimed;
            return claimed;
        });
        assertThat(total).isEqualTo(7);
        assertThat(asked).containsExactly(3, 3, 3);
    }

    @Test
    void anExactMultipleEndsWithAnEmptyBatchAndNothingDueWithOne() {
        int[] due = {4};
        List<Integer> claims = new ArrayList<>();
        assertThat(Batches.drain(2, limit -> {
            int claimed = Math.min(limit, due[0]);
            due[0] -= claimed;
            claims.add(claimed);
            return claimed;
        })).isEqualTo(4);
        assertThat(claims).containsExactly(2, 2, 0);
        assertThat(Batches.drain(5, limit -> 0)).isZero();
    }
}
