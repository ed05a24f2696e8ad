package fi.sd.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachWaitDoublesTheDelayUpToTheCeilingAndASuccessStartsOver() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), new CountDownLatch(1));
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.waitOut()).isFalse();
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(2));
        assertThat(backoff.waitOut()).isFalse();
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(4));
        assertThat(backoff.waitOut()).isFalse();
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(5));
        assertThat(backoff.waitOut()).isFalse();
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(5));
        backoff.reset();
        assertThat(backoff.delay()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aWaitEndsAtOnceWhenTheServiceStops() throws Exception {
        CountDownLatch stopping = new CountDownLatch(1);
        Backoff backoff = new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), stopping);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(backoff::waitOut);
        stopping.countDown();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), stopping).waitOut()).isTrue();
    }
}
