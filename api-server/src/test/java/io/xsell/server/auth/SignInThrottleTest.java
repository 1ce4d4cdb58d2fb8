package io.xsell.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.fixture.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void fiveFreeFailuresThenDoublingWaitsPerClientClearedBySuccess() {
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("10.0.0.1");
            assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
        }
        throttle.failed("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("10.0.0.2")).as("another client").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
        throttle.failed("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(4));
        throttle.succeeded("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
    }

    @Test
    void theWaitIsCapped() {
        assertThat(SignInThrottle.delay(1000)).isEqualTo(SignInThrottle.MAX_WAIT);
    }
}
