package io.xsell.reporting.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How refused sends are retried: at most {@code maxAttempts} in all, waiting {@code initialBackoff}
 * after the first failure and twice as long after each next one, never more than {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
    }

    /** Whether another attempt follows the failed attempt number {@code attempt} (1-based). */
    public boolean retries(int attempt) {
        return attempt < maxAttempts;
    }

    /** When to try again after the failed attempt number {@code attempt}. */
    public Instant nextAttempt(int attempt, Instant failedAt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return failedAt.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }
}
