package fi.sd.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofMillis(200));

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.tryPass()).isTrue();
        breaker.failed();
        assertThat(breaker.tryPass()).isFalse();
        assertThat(breaker.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void letsOneTrialThroughAfterTheOpenTimeAndClosesWhenItSucceeds() {
        breaker.failed();
        breaker.failed();
        await().atMost(Duration.ofSeconds(5)).until(breaker::tryPass);
        assertThat(breaker.tryPass()).as("only one trial while half open").isFalse();
        breaker.succeeded();
        assertThat(breaker.tryPass()).isTrue();
        assertThat(breaker.tryPass()).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgainAtOnce() {
        breaker.failed();
        breaker.failed();
        await().atMost(Duration.ofSeconds(5)).until(breaker::tryPass);
        breaker.failed();
        assertThat(breaker.tryPass()).isFalse();
    }
}
