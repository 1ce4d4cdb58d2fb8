package io.xsell.ingestion.chargebee.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.xsell.ingestion.provider.CallPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads one Chargebee site through its REST API v2 over {@code java.net.http}, every call behind a
 * rate limiter and a retry with exponential backoff and jitter on 429, 5xx and connection failures
 * (never sooner than {@code Retry-After}). Thread-safe: one instance shares its rate limit between
 * all its callers.
 */
public final class ChargebeeApi {
    /** Chargebee's largest page. */
    public static final int PAGE_SIZE = 100;

    private final ChargebeeSettings settings;
    private final HttpClient http;
    private final String authorization;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public ChargebeeApi(ChargebeeSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // Chargebee's basic auth: the key as user name, no password
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
        this.rateLimiter = CallPolicy.evenPace("chargebee", settings.requestsPerSecond());
        this.retry = CallPolicy.retryTransient("chargebee", settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), e -> e instanceof TransientChargebeeException,
                e -> e instanceof TransientChargebeeException t ? t.retryAfter() : null);
        this.retry.getEventPublisher().onRetry(event -> retries.incrementAndGet());
    }

    /** One call that any working key can make; throws {@link ChargebeeCallFailedException} otherwise. */
    public void checkKey() {
        list("/api/v2/customers", Map.of("limit", "1"));
    }

    /** GET /api/v2/events/{id}: the {@code event} object as Chargebee holds it. */
    public JsonObject retrieveEvent(String eventId) {
        if (eventId == null || !eventId.matches("[A-Za-z0-9_\\-]{1,100}")) {
            throw new IllegalArgumentException("not a Chargebee event id: '" + eventId + "'");
        }
        JsonObject body = get("/api/v2/events/" + eventId, Map.of());
        JsonElement event = body.get("event");
        if (event == null || !event.isJsonObject()) {
            throw new IllegalStateException("Chargebee GET /api/v2/events/" + eventId + ": no \"event\" object");
        }
        return event.getAsJsonObject();
    }

    /** One page of a list endpoint such as {@code /api/v2/customers}, {@code limit} and {@code offset} included. */
    public ChargebeePage list(String path, Map<String, String> params) {
        return ChargebeePage.parse(path, getText(path, params));
    }

    /** A page of {@code path} of {@link #PAGE_SIZE} entries from {@code offset} (null: the first page). */
    public ChargebeePage page(String path, Map<String, String> params, String offset) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("limit", Integer.toString(PAGE_SIZE));
        if (offset != null) {
            all.put("offset", offset);
        }
        return list(path, all);
    }

    public JsonObject get(String path, Map<String, String> params) {
        String text = getText(path, params);
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalStateException("Chargebee GET " + path + ": the answer is not a JSON object", e);
        }
    }

    private String getText(String path, Map<String, String> params) {
        URI uri = settings.apiBase().resolve(path + query(params));
        Supplier<String> decorated = Retry.decorateSupplier(retry,
                RateLimiter.decorateSupplier(rateLimiter, () -> attempt(uri)));
        try {
            return decorated.get();
        } catch (TransientChargebeeException e) {
            throw new ChargebeeCallFailedException("Chargebee GET " + path + " failed after "
                    + settings.maxAttempts() + " attempts: " + e.getMessage(), e.status(), e.apiErrorCode(), e);
        }
    }

    private String attempt(URI uri) {
        requests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientChargebeeException("no response (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", 0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChargebeeCallFailedException("interrupted", 0, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String code = null;
        String message = "";
        try {
            JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
            code = error.has("api_error_code") ? error.get("api_error_code").getAsString() : null;
            message = error.has("message") ? error.get("message").getAsString() : "";
        } catch (RuntimeException e) {
            message = "(no error body)";
        }
        String text = "HTTP " + status + (code != null ? " " + code : "") + ": " + message;
        if (status == 429 || status >= 500) {
            throw new TransientChargebeeException(text, status, code, retryAfter(response), null);
        }
        throw new ChargebeeCallFailedException(text, status, code, null);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        return value.flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static String query(Map<String, String> params) {
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
}
