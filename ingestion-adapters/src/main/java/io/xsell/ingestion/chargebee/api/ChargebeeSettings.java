package io.xsell.ingestion.chargebee.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How xsell talks to one Chargebee site.
 *
 * @param site              the site's name, as in {@code https://{site}.chargebee.com}
 * @param apiBase           the site's API root, or a test double
 * @param requestsPerSecond xsell's own ceiling; the default (2 per second, 120 a minute) stays below
 *                          Chargebee's smallest documented limit (150 a minute, test sites and live
 *                          sites on the Starter plan; Performance 1000, Enterprise 3500), leaving room
 *                          for the site's other clients; raise it per connection for larger plans
 * @param maxAttempts       attempts per request, the first included
 * @param initialBackoff    wait before the first retry; doubled per retry with jitter up to maxBackoff,
 *                          never shorter than the {@code Retry-After} the site sent
 */
public record ChargebeeSettings(String site, String apiKey, URI apiBase, double requestsPerSecond, int maxAttempts,
                                Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
                                Duration readTimeout) {
    public static final double DEFAULT_RATE = 2.0;
    /** Chargebee site names: letters, digits and hyphens (the {@code -test} suffix included). */
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    public ChargebeeSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiBase, "apiBase");
        if (!SITE.matcher(site).matches()) {
            throw new IllegalArgumentException("site must be 1 to 63 letters, digits or hyphens, was '" + site + "'");
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** 2 requests a second, 8 attempts from 500 ms up to 30 s, 10 s connect and 30 s read timeouts. */
    public static ChargebeeSettings defaults(String site, String apiKey, URI apiBase) {
        return new ChargebeeSettings(site, apiKey, apiBase == null ? siteBase(site) : apiBase, DEFAULT_RATE, 8,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Chargebee's own address for {@code site}. */
    public static URI siteBase(String site) {
        return URI.create("https://" + site + ".chargebee.com");
    }

    public ChargebeeSettings withRate(double rate) {
        return new ChargebeeSettings(site, apiKey, apiBase, rate, maxAttempts, initialBackoff, maxBackoff,
                connectTimeout, readTimeout);
    }

    public ChargebeeSettings withRetries(int attempts, Duration initial, Duration max) {
        return new ChargebeeSettings(site, apiKey, apiBase, requestsPerSecond, attempts, initial, max, connectTimeout,
                readTimeout);
    }

    public ChargebeeSettings withTimeouts(Duration connect, Duration read) {
        return new ChargebeeSettings(site, apiKey, apiBase, requestsPerSecond, maxAttempts, initialBackoff, maxBackoff,
                connect, read);
    }

    /** Never the key: settings are logged and shown in errors. */
    @Override
    public String toString() {
        return "ChargebeeSettings[site=" + site + ", apiBase=" + apiBase + ", requestsPerSecond=" + requestsPerSecond
                + ", maxAttempts=" + maxAttempts + "]";
    }
}
