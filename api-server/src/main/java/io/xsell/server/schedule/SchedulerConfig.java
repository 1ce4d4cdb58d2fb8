package io.xsell.server.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The persistent scheduler that runs syncs and report deliveries. Every instance of the server
 * that shares a database runs one; each due task runs on exactly one of them.
 */
public class SchedulerConfig {

    /** Off for an instance that should only answer the API (another instance runs the tasks). */
    @JsonProperty
    private boolean enabled = true;

    /** How often the database is asked for due tasks: the worst-case delay of a due task. */
    @NotNull
    @JsonProperty
    private Duration pollingInterval = Duration.seconds(10);

    /** Tasks one instance runs at the same time. */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int threads = 4;

    /**
     * How often a running task proves it is alive; a task whose instance died is taken over by
     * another instance after four missed heartbeats.
     */
    @NotNull
    @JsonProperty
    private Duration heartbeatInterval = Duration.minutes(1);

    public boolean isEnabled() {
        return enabled;
    }

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public int getThreads() {
        return threads;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }
}
