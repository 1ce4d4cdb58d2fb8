package io.xsell.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

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
        now = now.plusSeconds(2);
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
