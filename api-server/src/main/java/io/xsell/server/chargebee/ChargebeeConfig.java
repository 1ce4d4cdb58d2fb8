package io.xsell.server.chargebee;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.xsell.ingestion.chargebee.api.ChargebeeSettings;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/** Chargebee connections: where sites answer and how often each connection syncs. */
public class ChargebeeConfig {
    /**
     * The API base of every site, for a double in tests; null (the default) for Chargebee's own
     * {@code https://{site}.chargebee.com}.
     */
    @JsonProperty
    private String apiBase;

    /** How often each connection syncs. */
    @NotNull
    @JsonProperty
    private Duration syncInterval = Duration.hours(1);

    /**
     * Calls a second to one site: the default stays below the smallest documented limit (150 a
     * minute for test sites and live Starter sites); raise it for larger plans.
     */
    @JsonProperty
    private double requestsPerSecond = ChargebeeSettings.DEFAULT_RATE;

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase;
    }

    public Duration getSyncInterval() {
        return syncInterval;
    }

    /** The API base of a site. */
    public URI apiBase(String site) {
        return apiBase == null ? ChargebeeSettings.siteBase(site) : URI.create(apiBase);
    }
}
