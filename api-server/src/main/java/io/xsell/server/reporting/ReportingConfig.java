package io.xsell.server.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.xsell.reporting.delivery.RetryPolicy;
import io.xsell.reporting.mail.SmtpSecurity;
import io.xsell.reporting.mail.SmtpSettings;
import io.xsell.reporting.render.PaperSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Periodic summaries: layout, the mail server, and how the outbox retries. See docs/reporting.md. */
public class ReportingConfig {

    /** The sheet the PDF is laid out for: {@code a4} or {@code letter}. */
    @NotNull
    @JsonProperty
    private String paperSize = "a4";

    /**
     * The server's address as recipients reach it ({@code https://xsell.example.com}), for the
     * unsubscribe link of each email; none: emails carry no List-Unsubscribe header.
     */
    @JsonProperty
    private String publicBaseUrl;

    /** Customer attribute of the "penetration by segment" section, unless a schedule names another. */
    @NotBlank
    @JsonProperty
    private String segmentBy = "segment";

    @Valid
    @NotNull
    @JsonProperty
    private Smtp smtp = new Smtp();

    /** How often the outbox is checked for due emails. */
    @NotNull
    @JsonProperty
    private Duration outboxInterval = Duration.seconds(10);

    /** Attempts per email before it is marked failed. */
    @Min(1)
    @Max(100)
    @JsonProperty
    private int maxAttempts = 5;

    /** Wait after the first refused attempt; doubled after each next one, up to maxBackoff. */
    @NotNull
    @JsonProperty
    private Duration initialBackoff = Duration.minutes(1);

    @NotNull
    @JsonProperty
    private Duration maxBackoff = Duration.hours(1);

    /**
     * How long an email may stay "sending" before it counts as interrupted (its sender stopped):
     * well above the SMTP timeouts, so a slow send is never mistaken for a dead one.
     */
    @NotNull
    @JsonProperty
    private Duration sendingLease = Duration.minutes(10);

    public static class Smtp {
        @NotBlank
        @JsonProperty
        private String host = "localhost";

        @Min(1)
        @Max(65535)
        @JsonProperty
        private int port = 25;

        /** {@code plain}, {@code starttls} (required) or {@code tls} (SMTPS). */
        @NotNull
        @JsonProperty
        private String security = "starttls";

        /** Unset for a server without authentication. */
        @JsonProperty
        private String username;

        @JsonProperty
        private String password;

        @NotBlank
        @JsonProperty
        private String from = "xsell@localhost";

        /** Connect, read and write timeout of the SMTP connection. */
        @NotNull
        @JsonProperty
        private Duration timeout = Duration.seconds(30);

        /** Hosts whose (self-signed) certificate is trusted as it is; empty: verified as usual. */
        @NotNull
        @JsonProperty
        private java.util.List<String> trustedHosts = java.util.List.of();

        SmtpSettings settings() {
            return new SmtpSettings(host, port, SmtpSecurity.parse(security), username, password, from,
                    timeout.toJavaDuration(), trustedHosts);
        }
    }

    public PaperSize paperSize() {
        return PaperSize.parse(paperSize);
    }

    public String segmentBy() {
        return segmentBy;
    }

    /** The public base URL without a trailing slash; null when not configured. */
    public String publicBaseUrl() {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return null;
        }
        String url = publicBaseUrl.strip();
        java.net.URI uri = java.net.URI.create(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("reporting.publicBaseUrl must be an http(s) URL, was " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public SmtpSettings smtpSettings() {
        return smtp.settings();
    }

    public java.time.Duration outboxInterval() {
        return outboxInterval.toJavaDuration();
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff.toJavaDuration(), maxBackoff.toJavaDuration());
    }

    public java.time.Duration sendingLease() {
        return sendingLease.toJavaDuration();
    }
}
