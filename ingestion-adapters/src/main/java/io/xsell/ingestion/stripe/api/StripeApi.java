package io.xsell.ingestion.stripe.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.StripeResponse;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.xsell.ingestion.provider.CallPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads from one Stripe account through stripe-java, every call behind a rate limiter, a retry
 * with exponential backoff and jitter (on 429, 409, 5xx and connection failures, as
 * {@code Stripe-Should-Retry} allows, never sooner than {@code Retry-After}) and a circuit breaker.
 * stripe-java's own retries are off so that this policy is the only one. Thread-safe: the
 * backfill shares one instance between its workers, so the rate limit holds for all of them.
 */
public final class StripeApi {
    private static final String SHOULD_RETRY = "Stripe-Should-Retry";

    private final StripeClient client;
    private final HeaderCapturingHttpClient http;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public StripeApi(StripeSettings settings) {
        this.http = new HeaderCapturingHttpClient();
        this.client = StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(settings.apiBase())
                .setHttpClient(http)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
        this.rateLimiter = CallPolicy.evenPace("stripe", settings.requestsPerSecond());
        this.retry = CallPolicy.retryTransient("stripe", settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), e -> e instanceof TransientStripeException || e instanceof CallNotPermittedException,
                e -> e instanceof TransientStripeException t ? t.retryAfter() : null);
        this.retry.getEventPublisher().onRetry(event -> retries.incrementAndGet());
        this.circuitBreaker = CircuitBreaker.of("stripe", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(settings.circuitFailureRatePercent())
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof TransientStripeException t && t.isServiceFailure())
                .build());
    }

    /** One page of a list endpoint such as {@code /v1/customers}. */
    public StripePage list(String path, Map<String, String> params) {
        return StripePage.parse(path, getText(path, params));
    }

    /** A GET, resilient as described above. */
    public JsonObject get(String path, Map<String, String> params) {
        return JsonParser.parseString(getText(path, params)).getAsJsonObject();
    }

    private String getText(String path, Map<String, String> params) {
        String url = path + query(params);
        Supplier<String> call = () -> attempt(url).body();
        Supplier<String> decorated = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, RateLimiter.decorateSupplier(rateLimiter, call)));
        try {
            return decorated.get();
        } catch (TransientStripeException e) {
            throw new StripeCallFailedException("Stripe GET " + path + " failed after " + retry.getRetryConfig()
                    .getMaxAttempts() + " attempts: " + e.getMessage(), e.status(), e);
        } catch (CallNotPermittedException e) {
            throw new StripeCallFailedException("Stripe GET " + path + ": circuit breaker open after repeated failures",
                    0, e);
        }
    }

    private StripeResponse attempt(String url) {
        requests.incrementAndGet();
        try {
            return client.rawRequest(ApiResource.RequestMethod.GET, url, null);
        } catch (ApiConnectionException e) {
            throw new TransientStripeException("no response (" + e.getMessage() + ")", 0, null, e);
        } catch (StripeException e) {
            HeaderCapturingHttpClient.Exchange exchange = http.lastExchange();
            int status = e.getStatusCode() != null ? e.getStatusCode() : exchange != null ? exchange.status() : 0;
            Optional<String> shouldRetry = exchange == null ? Optional.empty()
                    : exchange.headers().firstValue(SHOULD_RETRY);
            boolean transientStatus = status == 429 || status == 409 || status >= 500;
            boolean retryable = shouldRetry.map(Boolean::parseBoolean).orElse(transientStatus);
            String message = "HTTP " + status + (e.getCode() != null ? " " + e.getCode() : "") + ": "
                    + e.getMessage();
            if (retryable) {
                throw new TransientStripeException(message, status, retryAfter(exchange), e);
            }
            throw new StripeCallFailedException(message, status, e);
        }
    }

    private static Duration retryAfter(HeaderCapturingHttpClient.Exchange exchange) {
        if (exchange == null) {
            return null;
        }
        return exchange.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        params.forEach((key, value) -> query.append(query.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]"))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** HTTP requests sent, retries included. */
    public long requests() {
        return requests.get();
    }

    /** Retries made after a transient failure. */
    public long retries() {
        return retries.get();
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }
}
