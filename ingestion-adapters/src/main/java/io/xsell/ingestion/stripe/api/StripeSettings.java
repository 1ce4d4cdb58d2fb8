package io.xsell.ingestion.stripe.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How xsell talks to one Stripe account.
 *
 * @param apiBase           Stripe's API, or a Stripe-compatible proxy or test double
 * @param requestsPerSecond xsell's own ceiling; Stripe allows 25 per second for test keys and 100
 *                          for live keys, so the defaults (20 and 90) leave headroom for the
 *                          account's other clients
 * @param maxAttempts       attempts per request, the first included
 * @param initialBackoff    wait before the first retry; doubled per retry with jitter, up to maxBackoff
 */
public record StripeSettings(String apiKey, String apiBase, double requestsPerSecond, int maxAttempts,
                             Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
                             Duration readTimeout, float circuitFailureRatePercent, Duration circuitOpenFor) {

    public static final String STRIPE_API = "https://api.stripe.com";
    public static final double TEST_KEY_RATE = 20;
    public static final double LIVE_KEY_RATE = 90;

    public StripeSettings {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** Defaults for {@code apiKey}: its mode's rate, 8 attempts from 500 ms up to 30 s, 10 s connect and 30 s read timeouts. */
    public static StripeSettings defaults(String apiKey, String apiBase) {
        return new StripeSettings(apiKey, apiBase, isLiveKey(apiKey) ? LIVE_KEY_RATE : TEST_KEY_RATE, 8,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30), 50f,
                Duration.ofSeconds(30));
    }

    public StripeSettings withRate(double rate) {
        return new StripeSettings(apiKey, apiBase, rate, maxAttempts, initialBackoff, maxBackoff, connectTimeout,
                readTimeout, circuitFailureRatePercent, circuitOpenFor);
    }

    public StripeSettings withRetries(int attempts, Duration initial, Duration max) {
        return new StripeSettings(apiKey, apiBase, requestsPerSecond, attempts, initial, max, connectTimeout,
                readTimeout, circuitFailureRatePercent, circuitOpenFor);
    }

    public StripeSettings withTimeouts(Duration connect, Duration read) {
        return new StripeSettings(apiKey, apiBase, requestsPerSecond, maxAttempts, initialBackoff, maxBackoff, connect,
                read, circuitFailureRatePercent, circuitOpenFor);
    }

    public StripeSettings withCircuit(float failureRatePercent, Duration openFor) {
        return new StripeSettings(apiKey, apiBase, requestsPerSecond, maxAttempts, initialBackoff, maxBackoff,
                connectTimeout, readTimeout, failureRatePercent, openFor);
    }

    /** Live-mode secret and restricted keys carry {@code _live_}; test-mode ones {@code _test_}. */
    public static boolean isLiveKey(String apiKey) {
        return apiKey.contains("_live_");
    }

    /** Never the key: settings are logged and shown in errors. */
    @Override
    public String toString() {
        return "StripeSettings[apiBase=" + apiBase + ", requestsPerSecond=" + requestsPerSecond + ", maxAttempts="
                + maxAttempts + "]";
    }
}
