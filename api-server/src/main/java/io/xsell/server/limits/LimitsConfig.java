package io.xsell.server.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Limits on the work of one request and on a tenant's share of the server (docs/api.md, Bounds). */
public class LimitsConfig {
    /** How long a metric or analytics query may run before it is stopped and answered 503 {@code request-timeout}. */
    @NotNull
    @JsonProperty
    private Duration requestTimeout = Duration.seconds(30);

    /** Expensive requests of one tenant that may run at the same time. */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int concurrentPerTenant = 2;

    /**
     * How long a further one waits for a place before it is refused: a dashboard page asks for
     * several panels at once, and those must queue behind each other, not fail.
     */
    @NotNull
    @JsonProperty
    private Duration maxWait = Duration.seconds(20);

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public int getConcurrentPerTenant() {
        return concurrentPerTenant;
    }

    public Duration getMaxWait() {
        return maxWait;
    }
}
