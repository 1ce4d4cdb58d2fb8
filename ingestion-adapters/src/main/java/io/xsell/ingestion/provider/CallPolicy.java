package io.xsell.ingestion.provider;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How every billing provider's client paces and retries its calls, so that Stripe and Chargebee
 * keep one policy: an even pace below the provider's documented rate, and retries of transient
 * failures with exponential, jittered backoff that never comes sooner than the provider's
 * {@code Retry-After}.
 */
public final class CallPolicy {
    private CallPolicy() {
    }

    /** One permit per 1/rate seconds: an even pace, no burst at the top of each second. */
    public static RateLimiter evenPace(String name, double requestsPerSecond) {
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / requestsPerSecond));
        return RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofHours(1))
                .build());
    }

    /**
     * Retries what {@code retryable} accepts, at most {@code maxAttempts} calls in all; the wait
     * before each is the backoff or the failure's {@code retryAfter} (null when it names none),
     * whichever is longer. After the last attempt the failure itself is thrown.
     */
    public static Retry retryTransient(String name, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                       Predicate<Throwable> retryable, Function<Throwable, Duration> retryAfter) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff);
        return Retry.of(name, RetryConfig.<Object>custom()
                .maxAttempts(maxAttempts)
                .intervalBiFunction((attempt, outcome) -> {
                    long wait = backoff.apply(attempt);
                    Duration asked = outcome.isLeft() ? retryAfter.apply(outcome.getLeft()) : null;
                    return asked == null ? wait : Math.max(wait, asked.toMillis());
                })
                .retryOnException(retryable)
                .failAfterMaxAttempts(false)
                .build());
    }
}
