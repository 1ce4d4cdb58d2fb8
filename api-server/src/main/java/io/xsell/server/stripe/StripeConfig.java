package io.xsell.server.stripe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Stripe connections: where Stripe is, how fast and how often to read it, and the key that seals API keys. */
public class StripeConfig {

    /** Stripe's API, or a Stripe-compatible proxy (tests point it at a double). */
    @NotNull
    @JsonProperty
    private String apiBase = "https://api.stripe.com";

    /**
     * Deprecated: the top-level {@code masterKey} seals every provider's secrets. Still accepted
     * when that is not set (see {@link io.xsell.server.XsellConfiguration#masterKey()}).
     */
    @JsonProperty
    private String masterKey;

    /** How often each connection syncs. */
    @NotNull
    @JsonProperty
    private Duration syncInterval = Duration.hours(1);

    /** Requests per second for test-mode keys (Stripe allows 25). */
    @Min(1)
    @JsonProperty
    private double testModeRate = 20;

    /** Requests per second for live-mode keys (Stripe allows 100). */
    @Min(1)
    @JsonProperty
    private double liveModeRate = 90;

    /** Attempts per request, the first included. */
    @Min(1)
    @Max(20)
    @JsonProperty
    private int maxAttempts = 8;

    @NotNull
    @JsonProperty
    private Duration initialBackoff = Duration.milliseconds(500);

    @NotNull
    @JsonProperty
    private Duration maxBackoff = Duration.seconds(30);

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(10);

    @NotNull
    @JsonProperty
    private Duration readTimeout = Duration.seconds(30);

    /** How long the circuit stays open after repeated failures before probing Stripe again. */
    @NotNull
    @JsonProperty
    private Duration circuitOpenFor = Duration.seconds(30);

    /** Requests in flight during a backfill: enough to fill the rate limit despite latency. */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int backfillWorkers = 8;

    /** {@code created} ranges each large list is cut into for a backfill. */
    @Min(1)
    @Max(1000)
    @JsonProperty
    private int backfillSlices = 32;

    /** How old a webhook's signature timestamp may be. */
    @NotNull
    @JsonProperty
    private Duration webhookTolerance = Duration.minutes(5);

    public String getApiBase() {
        return apiBase;
    }

    public String getMasterKey() {
        return masterKey;
    }

    public Duration getSyncInterval() {
        return syncInterval;
    }

    public double getTestModeRate() {
        return testModeRate;
    }

    public double getLiveModeRate() {
        return liveModeRate;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public Duration getCircuitOpenFor() {
        return circuitOpenFor;
    }

    public int getBackfillWorkers() {
        return backfillWorkers;
    }

    public int getBackfillSlices() {
        return backfillSlices;
    }

    public Duration getWebhookTolerance() {
        return webhookTolerance;
    }
}
