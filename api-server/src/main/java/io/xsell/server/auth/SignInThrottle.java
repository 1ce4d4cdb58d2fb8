package io.xsell.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down guessing of API keys on the sign-in form, per client address: the first
 * {@link #FREE_FAILURES} failures cost nothing, then each further attempt must wait 2, 4, 8 ...
 * seconds (at most {@link #MAX_WAIT}) after the last failure. A success clears the count;
 * counts are forgotten after {@link #MEMORY} without a failure.
 */
public class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);

    private record Failures(int count, Instant last) {
    }

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(MEMORY).build();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this client must still wait before trying again; empty when it may try now. */
    public Optional<Duration> waitFor(String client) {
        Failures f = failures.getIfPresent(client);
        if (f == null || f.count() < FREE_FAILURES) {
            return Optional.empty();
        }
        Duration wait = delay(f.count());
        Duration left = Duration.between(clock.instant(), f.last().plus(wait));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String client) {
        failures.asMap().merge(client, new Failures(1, clock.instant()),
                (old, one) -> new Failures(old.count() + 1, clock.instant()));
    }

    public void succeeded(String client) {
        failures.invalidate(client);
    }

    static Duration delay(int count) {
        int over = Math.min(count - FREE_FAILURES + 1, 20);
        Duration wait = Duration.ofSeconds(1L << over);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
