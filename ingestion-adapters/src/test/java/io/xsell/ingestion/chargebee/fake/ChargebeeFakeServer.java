package io.xsell.ingestion.chargebee.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.ingestion.chargebee.synthetic.ChargebeeFakeObject;
import io.xsell.ingestion.chargebee.synthetic.SyntheticChargebeeAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chargebee's double: WireMock answering API v2 as a site would. Lists are
 * {@code {"list":[{"customer":{...}}, ...], "next_offset":"..."}} cut on the fly ({@code limit} up to
 * 100, opaque {@code offset}), oldest first; errors are Chargebee's
 * {@code {"message", "type", "api_error_code", "http_status_code"}}; the key is checked as HTTP
 * basic auth (key as user name). The site serves a {@link SyntheticChargebeeAccount} as it stood at
 * a cut-off and publishes the later versions of its resources as events (the Events API with
 * {@code occurred_at[after]}, {@code event_type[is]} and {@code sort_by[asc]=occurred_at}, and
 * {@code GET /api/v2/events/{id}}). The events of the versions before the cut-off are listed too, as
 * Chargebee keeps a site's past events: a backfill reads its {@code subscription_changed} events.
 * Tests inject faults per request.
 */
public final class ChargebeeFakeServer implements AutoCloseable {
    private static final Map<String, String> LISTS = Map.of("/api/v2/item_families", "item_family",
            "/api/v2/items", "item", "/api/v2/item_prices", "item_price", "/api/v2/coupons", "coupon",
            "/api/v2/customers", "customer", "/api/v2/subscriptions", "subscription", "/api/v2/invoices", "invoice",
            "/api/v2/credit_notes", "credit_note", "/api/v2/unbilled_charges", "unbilled_charge");

    /** Decides, per request, whether to answer with a fault instead. */
    @FunctionalInterface
    public interface FaultPlan {
        FaultPlan NONE = (n, url) -> Optional.empty();

        Optional<ResponseDefinition> fault(int requestNumber, String url);
    }

    private final Map<String, List<ChargebeeFakeObject>> lists = new HashMap<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> customers = new HashMap<>();
    private final Map<String, JsonObject> published = new java.util.concurrent.ConcurrentHashMap<>();
    /** The versions made before the cut-off, oldest first: the site's past events. */
    private final List<ChargebeeFakeObject> history;
    private final Map<String, ChargebeeFakeObject> historyById = new HashMap<>();
    private final SyntheticChargebeeAccount account;
    private final long cutOff;
    private final String authorization;
    private final AtomicInteger requests = new AtomicInteger();
    private final WireMockServer server;
    private final List<Long> waitsAfter429 = new java.util.ArrayList<>();
    private Long last429At;
    private volatile FaultPlan faults = FaultPlan.NONE;

    public ChargebeeFakeServer(SyntheticChargebeeAccount account, long cutOff, String apiKey) {
        this.account = account;
        this.cutOff = cutOff;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":")
                .getBytes(StandardCharsets.UTF_8));
        LISTS.forEach((path, type) -> lists.put(path, account.asOf(type, cutOff)));
        this.history = account.versions().stream().filter(v -> v.at() < cutOff).toList();
        for (ChargebeeFakeObject version : history) {
            historyById.put(eventId(version), version);
            if (version.type().equals("customer")) {
                customers.put(version.id(), JsonParser.parseString(version.json()).getAsJsonObject());
            }
        }
        this.server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16).gzipDisabled(true)
                .disableRequestJournal().extensions(new Transformer()));
        server.start();
        server.stubFor(any(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withTransformers(Transformer.NAME)));
    }

    public URI baseUri() {
        return URI.create(server.baseUrl());
    }

    public int requests() {
        return requests.get();
    }

    /**
     * Gaps, in milliseconds, between each 429 the double answered and the next request it received;
     * the client reads sequentially, so the next request is that call's retry.
     */
    public synchronized List<Long> waitsAfterTooManyRequests() {
        return List.copyOf(waitsAfter429);
    }

    private synchronized void received(boolean answeredTooManyRequests) {
        long now = System.nanoTime();
        if (last429At != null) {
            waitsAfter429.add((now - last429At) / 1_000_000);
        }
        last429At = answeredTooManyRequests ? now : null;
    }

    public void faults(FaultPlan plan) {
        this.faults = plan;
    }

    /**
     * Publishes as events every version made from the cut-off up to {@code until} (Unix seconds,
     * exclusive) not yet published, as Chargebee would have: one event per change, in order.
     */
    public synchronized void publishUntil(long until) {
        long from = events.isEmpty() ? cutOff : events.get(events.size() - 1).get("occurred_at").getAsLong();
        List<JsonObject> batch = new ArrayList<>();
        for (ChargebeeFakeObject version : account.changesFrom(cutOff)) {
            if (version.type().equals("customer")) {
                customers.put(version.id(), JsonParser.parseString(version.json()).getAsJsonObject());
            }
            if (version.at() < until && version.at() >= from && !published.containsKey(eventId(version))) {
                JsonObject event = event(version);
                published.put(eventId(version), event);
                batch.add(event);
            }
        }
        events.addAll(batch);
    }

    private static String eventId(ChargebeeFakeObject version) {
        return "ev_" + version.type() + "_" + version.id() + "_" + version.version();
    }

    /** The event Chargebee publishes for one version of a resource. */
    public JsonObject event(ChargebeeFakeObject version) {
        JsonObject resource = JsonParser.parseString(version.json()).getAsJsonObject();
        return event(version, version.type().equals("subscription")
                ? customers.get(resource.get("customer_id").getAsString()) : null);
    }

    /** The event of one version, with the subscription's customer in its content when given. */
    public static JsonObject event(ChargebeeFakeObject version, JsonObject customer) {
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId(version));
        event.addProperty("occurred_at", version.at());
        event.addProperty("source", version.source());
        event.addProperty("object", "event");
        event.addProperty("api_version", "v2");
        JsonObject content = new JsonObject();
        content.add(version.type(), JsonParser.parseString(version.json()).getAsJsonObject());
        if (customer != null) {
            content.add("customer", customer);
        }
        event.add("content", content);
        event.addProperty("event_type", version.event());
        event.addProperty("webhook_status", "not_configured");
        return event;
    }

    public List<JsonObject> publishedEvents() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** An error as Chargebee sends it. */
    public static ResponseDefinition error(int status, String type, String code, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("message", message);
        if (type != null) {
            body.addProperty("type", type);
        }
        body.addProperty("api_error_code", code);
        body.addProperty("error_code", code);
        body.addProperty("error_msg", message);
        body.addProperty("http_status_code", status);
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body.toString()).build();
    }

    public static ResponseDefinition tooManyRequests(int retryAfterSeconds) {
        ResponseDefinition base = error(429, null, "api_request_limit_exceeded",
                "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits.");
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds)).withBody(base.getBody()).build();
    }

    public static ResponseDefinition serverError() {
        return error(500, null, "internal_error", "Sorry, something went wrong when trying to process the request.");
    }

    public static ResponseDefinition droppedConnection() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "chargebee-site";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            int number = requests.incrementAndGet();
            Optional<ResponseDefinition> fault = faults.fault(number, request.getUrl());
            received(fault.isPresent() && fault.get().getStatus() == 429);
            if (fault.isPresent()) {
                return fault.get();
            }
            if (!authorization.equals(request.getHeader("Authorization"))) {
                return error(401, null, "api_authentication_failed",
                        "Sorry, authentication failed. Invalid api key");
            }
            String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?'))
                    : request.getUrl();
            if (path.startsWith("/api/v2/events/")) {
                String id = path.substring("/api/v2/events/".length());
                JsonObject event = published.containsKey(id) ? published.get(id)
                        : historyById.containsKey(id) ? event(historyById.get(id)) : null;
                if (event != null) {
                    JsonObject body = new JsonObject();
                    body.add("event", event);
                    return ok(body);
                }
                return error(404, "invalid_request", "resource_not_found", id + " not found");
            }
            int limit = Integer.parseInt(param(request, "limit").orElse("10"));
            if (limit < 1 || limit > 100) {
                return error(400, "invalid_request", "param_wrong_value", "limit : invalid value " + limit);
            }
            int from = param(request, "offset").map(ChargebeeFakeServer::index).orElse(0);
            List<JsonObject> entries = new ArrayList<>();
            int total;
            if (path.equals("/api/v2/events")) {
                long after = param(request, "occurred_at[after]").map(Long::parseLong).orElse(Long.MIN_VALUE);
                Optional<String> type = param(request, "event_type[is]");
                List<ChargebeeFakeObject> past = history.stream().filter(v -> v.at() > after)
                        .filter(v -> type.isEmpty() || type.get().equals(v.event())).toList();
                List<JsonObject> matching = events.stream().filter(e -> e.get("occurred_at").getAsLong() > after)
                        .filter(e -> type.isEmpty() || type.get().equals(e.get("event_type").getAsString())).toList();
                total = past.size() + matching.size();
                for (int i = from; i < Math.min(total, from + limit); i++) {
                    JsonObject entry = new JsonObject();
                    entry.add("event", i < past.size() ? event(past.get(i)) : matching.get(i - past.size()));
                    entries.add(entry);
                }
            } else {
                List<ChargebeeFakeObject> list = lists.get(path);
                if (list == null) {
                    return error(404, "invalid_request", "resource_not_found", "Sorry, couldn't find the resource");
                }
                total = list.size();
                for (int i = from; i < Math.min(total, from + limit); i++) {
                    JsonObject entry = new JsonObject();
                    ChargebeeFakeObject object = list.get(i);
                    entry.add(object.type(), JsonParser.parseString(object.json()).getAsJsonObject());
                    entries.add(entry);
                }
            }
            JsonObject body = new JsonObject();
            JsonArray array = new JsonArray();
            entries.forEach(array::add);
            body.add("list", array);
            if (from + limit < total) {
                body.addProperty("next_offset", offset(from + limit));
            }
            return ok(body);
        }

        private ResponseDefinition ok(JsonObject body) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody(body.toString()).build();
        }

        private Optional<String> param(LoggedRequest request, String name) {
            QueryParameter value = request.queryParameter(name);
            return value.isPresent() ? Optional.of(value.firstValue()) : Optional.empty();
        }
    }

    /** Chargebee's offsets look like {@code ["1517505931000","12345"]}: opaque to clients. */
    private static String offset(int index) {
        return "[\"" + (1_600_000_000_000L + index) + "\",\"" + index + "\"]";
    }

    private static int index(String offset) {
        JsonArray parts = JsonParser.parseString(offset).getAsJsonArray();
        return Integer.parseInt(parts.get(1).getAsString());
    }
}
