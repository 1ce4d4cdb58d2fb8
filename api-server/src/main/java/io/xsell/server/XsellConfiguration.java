package io.xsell.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.xsell.server.analytics.AnalyticsConfig;
import io.xsell.server.cache.PreparedTenantsConfig;
import io.xsell.server.limits.LimitsConfig;
import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.reporting.ReportingConfig;
import io.xsell.server.schedule.SchedulerConfig;
import io.xsell.server.chargebee.ChargebeeConfig;
import io.xsell.server.stripe.StripeConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The application's settings. Every one has a default, so {@code server} runs without a file;
 * any of them can be set in YAML or with {@code -Ddw.path.to.setting=value}.
 * See {@code api-server/config/xsell.example.yml}.
 */
public class XsellConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseConfig database = new DatabaseConfig();

    /** Largest accepted {@code POST /v1/imports} body. */
    @NotNull
    @JsonProperty
    private DataSize maxUploadSize = DataSize.megabytes(200);

    /** Largest total uncompressed size of an uploaded zip: the guard against decompression bombs. */
    @NotNull
    @JsonProperty
    private DataSize maxUncompressedSize = DataSize.gigabytes(2);

    /** How long a successful API-key lookup is trusted before the database is asked again. */
    @NotNull
    @JsonProperty
    private Duration authCacheTtl = Duration.seconds(10);

    /**
     * How long a tenant's data version is trusted before the database is asked again; this
     * instance's own imports take effect at once, another instance's within this time.
     */
    @NotNull
    @JsonProperty
    private Duration dataVersionTtl = Duration.seconds(1);

    /** Memory for rendered metric responses, across tenants. */
    @NotNull
    @JsonProperty
    private DataSize responseCacheSize = DataSize.megabytes(256);

    /** The persistent scheduler of syncs and report deliveries. */
    @Valid
    @NotNull
    @JsonProperty
    private SchedulerConfig scheduler = new SchedulerConfig();
    /** Analytics settings (CLV's default gross margin). */
    @Valid
    @NotNull
    @JsonProperty
    private AnalyticsConfig analytics = new AnalyticsConfig();

    /** Periodic summaries: paper size, SMTP, outbox retries (docs/reporting.md). */
    @Valid
    @NotNull
    @JsonProperty
    private ReportingConfig reporting = new ReportingConfig();

    /** A request's time limit and a tenant's share of expensive requests (docs/api.md, Bounds). */
    @Valid
    @NotNull
    @JsonProperty
    private LimitsConfig limits = new LimitsConfig();

    /** The memory budget of prepared tenants kept between queries (docs/performance.md, "Tenants in memory"). */
    @Valid
    @NotNull
    @JsonProperty
    private PreparedTenantsConfig preparedTenants = new PreparedTenantsConfig();

    public XsellConfiguration() {
        // Our own exception mappers answer every error as application/problem+json.
        ((DefaultServerFactory) getServerFactory()).setRegisterDefaultExceptionMappers(false);
    }

    /** Stripe connections and their syncs. */
    @Valid
    @NotNull
    @JsonProperty
    private StripeConfig stripe = new StripeConfig();

    public StripeConfig getStripe() {
        return stripe;
    }

    /** Chargebee connections and their syncs. */
    @Valid
    @NotNull
    @JsonProperty
    private ChargebeeConfig chargebee = new ChargebeeConfig();

    public ChargebeeConfig getChargebee() {
        return chargebee;
    }

    /**
     * Base64 of 32 random bytes: the AES-256 key that seals every provider's stored API keys and
     * webhook secrets. When absent, the environment variable {@code XSELL_MASTER_KEY} is used.
     */
    @JsonProperty
    private String masterKey;

    /**
     * The master key that seals every provider's secrets: {@code masterKey}, else the deprecated
     * {@code stripe.masterKey} (where it was first configured, still accepted), else null for the
     * {@code XSELL_MASTER_KEY} environment variable.
     */
    public String masterKey() {
        return masterKey != null ? masterKey : stripe.getMasterKey();
    }

    public SchedulerConfig getScheduler() {
        return scheduler;
    }

    public DatabaseConfig getDatabase() {
        return database;
    }

    public DataSize getMaxUploadSize() {
        return maxUploadSize;
    }

    public DataSize getMaxUncompressedSize() {
        return maxUncompressedSize;
    }

    public Duration getAuthCacheTtl() {
        return authCacheTtl;
    }

    public Duration getDataVersionTtl() {
        return dataVersionTtl;
    }

    public AnalyticsConfig getAnalytics() {
        return analytics;
    }

    public DataSize getResponseCacheSize() {
        return responseCacheSize;
    }

    public ReportingConfig getReporting() {
        return reporting;
    }

    public LimitsConfig getLimits() {
        return limits;
    }

    public PreparedTenantsConfig getPreparedTenants() {
        return preparedTenants;
    }
}
