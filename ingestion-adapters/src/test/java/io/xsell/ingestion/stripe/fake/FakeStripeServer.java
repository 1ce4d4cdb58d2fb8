package io.xsell.ingestion.stripe.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.StripeAccountObjects;
import io.xsell.ingestion.stripe.synthetic.StripeFakeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe's double: WireMock answering the list endpoints a sync reads, page by page, with
 * Stripe's semantics ({@code limit}, {@code starting_after}, {@code ending_before},
 * {@code created[gte]}, {@code created[lt]}, newest first, {@code has_more}), Bearer key checks
 * and Stripe-shaped errors. Pages are cut on the fly from a {@link SyntheticStripeAccount}, so a
 * large account costs no stub per page. Tests inject faults, latency and a server-side rate limit.
 */
public final class FakeStripeServer implements AutoCloseable {

    /** Decides, per request, whether to answer with a fault instead. */
    @FunctionalInterface
    public interface FaultPlan {
        FaultPlan NONE = (n, path) -> Optional.empty();

        /**
         * @param requestNumber 1 for the first request the server sees
         * @param url           path and query
         */
        Optional<ResponseDefinition> fault(int requestNumber, String url);
    }

    private final Map<String, List<StripeFakeObject>> lists = new ConcurrentHashMap<>();
    private final List<StripeFakeObject> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final WireMockServer server;
    private final String apiKey;
    private volatile FaultPlan faults = FaultPlan.NONE;
    private volatile int latencyMillis;
    private volatile TokenBucket rateLimit;

    public FakeStripeServer(StripeAccountObjects account, String apiKey) {
        this.apiKey = apiKey;
        lists.put("/v1/products", account.objects(StripeObjectType.PRODUCT));
        lists.put("/v1/prices", account.objects(StripeObjectType.PRICE));
        lists.put("/v1/coupons", account.objects(StripeObjectType.COUPON));
        lists.put("/v1/customers", account.objects(StripeObjectType.CUSTOMER));
        lists.put("/v1/subscriptions", account.objects(StripeObjectType.SUBSCRIPTION));
        lists.put("/v1/invoices", account.objects(StripeObjectType.INVOICE));
        lists.put("/v1/invoiceitems", account.objects(StripeObjectType.INVOICE_ITEM));
        lists.put("/v1/subscription_schedules", account.objects(StripeObjectType.SUBSCRIPTION_SCHEDULE));
        lists.put("/v1/events", events);
        this.server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64).gzipDisabled(true)
                .disableRequestJournal().extensions(new Transformer()));
        server.start();
        server.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withTransformers(Transformer.NAME)));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every request received, faults included. */
    public int requests() {
        return requests.get();
    }

    /** Requests answered with data. */
    public int served() {
        return served.get();
    }

    public void faults(FaultPlan plan) {
        this.faults = plan;
    }

    public void latency(int millis) {
        this.latencyMillis = millis;
    }

    /** Answers 429, as Stripe does, above {@code perSecond} requests per second (bursts up to one second's worth). */
    public void rateLimit(double perSecond) {
        this.rateLimit = new TokenBucket(perSecond);
    }

    /**
     * What happened in the account after the moment it is served as of: each event is published
     * (Events API) and its object's new state replaces the listed one, as the account would show it.
     */
    public void publish(List<StripeFakeEvent> happened) {
        publishEvents(happened);
        Map<String, Map<String, StripeFakeObject>> changed = new java.util.HashMap<>();
        for (StripeFakeEvent event : happened) {
            String path = LIST_PATHS.get(event.objectType());
            long created = JsonParser.parseString(event.objectJson()).getAsJsonObject().get("created").getAsLong();
            changed.computeIfAbsent(path, p -> new java.util.HashMap<>()).merge(event.objectId(),
                    new StripeFakeObject(event.objectId(), created, event.objectJson()), (old, now) -> now);
        }
        changed.forEach((path, objects) -> {
            List<StripeFakeObject> list = new ArrayList<>(lists.get(path));
            list.removeIf(o -> objects.containsKey(o.id()));
            list.addAll(objects.values());
            list.sort(NEWEST_FIRST);
            lists.put(path, list);
        });
    }

    /**
     * Lists events on the Events API without changing the objects served: the events that led to
     * the state the account is served in (Stripe keeps the last 30 days of them).
     */
    public void publishEvents(List<StripeFakeEvent> happened) {
        List<StripeFakeObject> sorted = new ArrayList<>(events);
        for (StripeFakeEvent event : happened) {
            sorted.add(new StripeFakeObject(event.id(), event.created(), eventJson(event)));
        }
        sorted.sort(NEWEST_FIRST);
        events.clear();
        events.addAll(sorted);
    }

    /** The JSON Stripe sends for an event of the account (Events API page or webhook body). */
    public static String eventJson(StripeFakeEvent event) {
        return eventJson(event.id(), event.type(), event.created(), event.objectJson(), event.previousAttributes());
    }

    private static final Comparator<StripeFakeObject> NEWEST_FIRST = Comparator
            .comparingLong(StripeFakeObject::created).reversed()
            .thenComparing(StripeFakeObject::id, Comparator.reverseOrder());
    private static final Map<StripeObjectType, String> LIST_PATHS = Map.of(
            StripeObjectType.PRODUCT, "/v1/products", StripeObjectType.PRICE, "/v1/prices",
            StripeObjectType.COUPON, "/v1/coupons", StripeObjectType.CUSTOMER, "/v1/customers",
            StripeObjectType.SUBSCRIPTION, "/v1/subscriptions", StripeObjectType.INVOICE, "/v1/invoices",
            StripeObjectType.INVOICE_ITEM, "/v1/invoiceitems",
            StripeObjectType.SUBSCRIPTION_SCHEDULE, "/v1/subscription_schedules");

    /** Publishes an event, as Stripe's Events API would list it. */
    public void addEvent(String id, String type, long created, String objectJson) {
        events.add(new StripeFakeObject(id, created, eventJson(id, type, created, objectJson)));
        events.sort(Comparator.comparingLong(StripeFakeObject::created).reversed()
                .thenComparing(StripeFakeObject::id, Comparator.reverseOrder()));
    }

    /** Publishes a {@code *.updated} event with the {@code previous_attributes} Stripe lists on it. */
    public void addEvent(String id, String type, long created, String objectJson, JsonObject previousAttributes) {
        events.add(new StripeFakeObject(id, created, eventJson(id, type, created, objectJson, previousAttributes)));
        events.sort(Comparator.comparingLong(StripeFakeObject::created).reversed()
                .thenComparing(StripeFakeObject::id, Comparator.reverseOrder()));
    }

    /** An event as Stripe sends it, about {@code objectJson}. */
    public static String eventJson(String id, String type, long created, String objectJson) {
        return eventJson(id, type, created, objectJson, null);
    }

    /**
     * An event as Stripe sends it: pretty-printed, its object's expandable fields (discounts) as ids,
     * since events expand nothing, and {@code previous_attributes} on {@code *.updated} events.
     */
    public static String eventJson(String id, String type, long created, String objectJson,
                                   JsonObject previousAttributes) {
        JsonObject event = new JsonObject();
        event.addProperty("id", id);
        event.addProperty("object", "event");
        event.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        event.addProperty("created", created);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 0);
        event.addProperty("type", type);
        JsonObject data = new JsonObject();
        JsonObject object = JsonParser.parseString(objectJson).getAsJsonObject();
        embedFirstLines(object);
        collapseDiscounts(object, false, false, false);
        data.add("object", object);
        if (previousAttributes != null) {
            JsonObject previous = previousAttributes.deepCopy();
            collapseDiscounts(previous, false, false, true);
            data.add("previous_attributes", previous);
        }
        event.add("data", data);
        return PRETTY.toJson(event);
    }

    /** The JSON of an event as published, for webhook deliveries. */
    public String event(String id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().json();
    }

    /** Replaces (or adds) an object of a list, as a change in the account would. */
    public void put(String listPath, StripeFakeObject object) {
        List<StripeFakeObject> list = new ArrayList<>(lists.get(listPath));
        list.removeIf(o -> o.id().equals(object.id()));
        list.add(object);
        list.sort(Comparator.comparingLong(StripeFakeObject::created).reversed()
                .thenComparing(StripeFakeObject::id, Comparator.reverseOrder()));
        lists.put(listPath, list);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "stripe-lists";

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
            String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?'))
                    : request.getUrl();
            Optional<ResponseDefinition> fault = faults.fault(number, request.getUrl());
            if (fault.isPresent()) {
                return fault.get();
            }
            TokenBucket bucket = rateLimit;
            if (bucket != null && !bucket.take()) {
                return error(429, "rate_limit", "Too many requests hit the API too quickly.");
            }
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
                return error(401, null, "Invalid API Key provided.");
            }
            java.util.regex.Matcher retrieve = RETRIEVE.matcher(path);
            if (retrieve.matches() && lists.containsKey("/v1/" + retrieve.group(1))) {
                return retrieve(request, "/v1/" + retrieve.group(1), retrieve.group(2), number);
            }
            List<StripeFakeObject> list = lists.get(path);
            java.util.regex.Matcher linesPath = INVOICE_LINES.matcher(path);
            if (list == null && linesPath.matches()) {
                list = invoiceLines(linesPath.group(1));
            }
            if (list == null) {
                return error(404, "resource_missing", "Unrecognized request URL (GET: " + path + ").");
            }
            served.incrementAndGet();
            int latency = latencyMillis;
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + number).withBody(page(request, path, list))
                    .withFixedDelay(latency > 0 ? latency : null).build();
        }

        /** {@code GET /v1/subscriptions/{id}} and the like: the object, discounts expanded only when asked. */
        private ResponseDefinition retrieve(LoggedRequest request, String listPath, String id, int number) {
            for (StripeFakeObject object : lists.get(listPath)) {
                if (object.id().equals(id)) {
                    served.incrementAndGet();
                    JsonObject json = JsonParser.parseString(object.json()).getAsJsonObject();
                    embedFirstLines(json);
                    List<String> expand = expansions(request);
                    collapseDiscounts(json, expand.contains("discounts"), expand.contains("items.data.discounts"),
                            expand.contains("lines.data.discounts"));
                    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withHeader("Request-Id", "req_" + number).withBody(PRETTY.toJson(json)).build();
                }
            }
            return error(404, "resource_missing", "No such object: '" + id + "'");
        }

        private List<String> expansions(LoggedRequest request) {
            List<String> expand = new ArrayList<>();
            request.getQueryParams().forEach((name, values) -> {
                if (name.startsWith("expand[")) {
                    expand.addAll(values.values());
                }
            });
            return expand;
        }

        private String page(LoggedRequest request, String path, List<StripeFakeObject> all) {
            int limit = Math.min(100, intParam(request, "limit", 10));
            Long gte = longParam(request, "created[gte]");
            Long lt = longParam(request, "created[lt]");
            String startingAfter = param(request, "starting_after");
            String endingBefore = param(request, "ending_before");
            Index index = index(path, all);
            // newest first: the objects created in [gte, lt) are one run of the list
            int lo = lt == null ? 0 : index.firstAtOrBefore(lt - 1);
            int hi = gte == null ? all.size() : index.firstAtOrBefore(gte - 1);
            List<StripeFakeObject> matching = all.subList(lo, Math.max(lo, hi));
            List<StripeFakeObject> page;
            boolean hasMore;
            if (endingBefore != null) {
                int end = position(index, endingBefore, lo, matching.size());
                int from = Math.max(0, end - limit);
                page = matching.subList(from, end);
                hasMore = from > 0;
            } else {
                int from = startingAfter == null ? 0 : position(index, startingAfter, lo, matching.size()) + 1;
                from = Math.min(from, matching.size());
                int to = Math.min(matching.size(), from + limit);
                page = matching.subList(from, to);
                hasMore = to < matching.size();
            }
            List<String> expand = expansions(request);
            boolean top = expand.contains("data.discounts");
            boolean items = expand.contains("data.items.data.discounts");
            boolean lines = expand.contains("data.lines.data.discounts");
            String variant = path + "|" + top + items + lines;
            // Stripe writes pretty-printed JSON: "has_more": true, with a space
            StringBuilder body = new StringBuilder(256 + page.size() * 2048);
            body.append("{\n  \"object\": \"list\",\n  \"data\": [");
            for (int i = 0; i < page.size(); i++) {
                StripeFakeObject object = page.get(i);
                body.append(i > 0 ? ",\n" : "\n").append(rendered.computeIfAbsent(new Rendering(object, variant), r -> {
                    JsonObject json = JsonParser.parseString(object.json()).getAsJsonObject();
                    if ("/v1/invoices".equals(path)) {
                        embedFirstLines(json);
                    }
                    collapseDiscounts(json, top, items, lines);
                    return PRETTY.toJson(json);
                }));
            }
            return body.append("\n  ],\n  \"has_more\": ").append(hasMore).append(",\n  \"url\": \"").append(path)
                    .append("\"\n}").toString();
        }

        /** An id's position inside the matching run; the run's end when the id is not in it. */
        private int position(Index index, String id, int runStart, int runSize) {
            Integer at = index.positions.get(id);
            if (at == null || at < runStart || at >= runStart + runSize) {
                return runSize;
            }
            return at - runStart;
        }

        private String param(LoggedRequest request, String name) {
            QueryParameter parameter = request.queryParameter(name);
            return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
        }

        private int intParam(LoggedRequest request, String name, int fallback) {
            String value = param(request, name);
            return value == null ? fallback : Integer.parseInt(value);
        }

        private Long longParam(LoggedRequest request, String name) {
            String value = param(request, name);
            return value == null ? null : Long.parseLong(value);
        }
    }

    /** A Stripe error body with its status. */
    public static ResponseDefinition error(int status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    /** A Stripe error body with its status and extra headers ({@code Stripe-Should-Retry}, {@code Retry-After}). */
    public static ResponseDefinition error(int status, String code, String message, Map<String, String> headers) {
        JsonObject error = new JsonObject();
        error.addProperty("type", status == 429 || status >= 500 ? "api_error" : "invalid_request_error");
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString());
        headers.forEach(response::withHeader);
        return response.build();
    }

    /** A page of an arbitrary list, for endpoints tests stub themselves. */
    public static String list(List<String> objects, boolean hasMore) {
        JsonArray data = new JsonArray();
        objects.forEach(o -> data.add(JsonParser.parseString(o)));
        JsonObject body = new JsonObject();
        body.addProperty("object", "list");
        body.add("data", data);
        body.addProperty("has_more", hasMore);
        return body.toString();
    }

    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    /** Each object as a page shows it (pretty-printed, expanded as asked), rendered once. */
    private final Map<Rendering, String> rendered = new ConcurrentHashMap<>();

    private record Rendering(StripeFakeObject object, String variant) {
    }

    /**
     * Stripe embeds an invoice's first ten lines wherever it shows an invoice (lists, retrieves,
     * events), with {@code has_more} and the {@code url} of {@code /v1/invoices/{id}/lines}, which
     * pages the rest.
     */
    public static final int EMBEDDED_LINES = 10;
    private static final com.google.gson.Gson PRETTY = new com.google.gson.GsonBuilder().setPrettyPrinting()
            .serializeNulls().create();
    private static final java.util.regex.Pattern INVOICE_LINES = java.util.regex.Pattern.compile(
            "/v1/invoices/([^/]+)/lines");

    private static final java.util.regex.Pattern RETRIEVE = java.util.regex.Pattern.compile(
            "/v1/(subscriptions|invoices|invoiceitems)/([^/]+)");

    /**
     * Stripe returns expandable fields as ids unless asked to expand them: {@code discounts} of a
     * subscription, of its items, of an invoice, of its lines and of an invoice item. The account
     * keeps them expanded.
     */
    static void collapseDiscounts(JsonObject object, boolean top, boolean items, boolean lines) {
        if (!top) {
            collapse(object.get("discounts"));
        }
        for (String list : new String[]{"items", "lines"}) {
            if ((list.equals("items") ? items : lines) || !(object.get(list) instanceof JsonObject nested)
                    || !(nested.get("data") instanceof JsonArray data)) {
                continue;
            }
            for (var element : data) {
                if (element instanceof JsonObject child) {
                    collapse(child.get("discounts"));
                }
            }
        }
    }

    private static void collapse(com.google.gson.JsonElement discounts) {
        if (discounts == null || !discounts.isJsonArray()) {
            return;
        }
        JsonArray array = discounts.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject expanded && expanded.has("id")) {
                array.set(i, expanded.get("id"));
            }
        }
    }

    private static void embedFirstLines(JsonObject invoice) {
        JsonObject lines = invoice.getAsJsonObject("lines");
        JsonArray all = lines == null ? null : lines.getAsJsonArray("data");
        if (all == null || all.size() <= EMBEDDED_LINES) {
            return;
        }
        JsonArray first = new JsonArray();
        for (int i = 0; i < EMBEDDED_LINES; i++) {
            first.add(all.get(i));
        }
        lines.add("data", first);
        lines.addProperty("has_more", true);
    }

    /** Every line of an invoice, in the order Stripe lists them, for its lines endpoint; null for no such invoice. */
    private List<StripeFakeObject> invoiceLines(String invoiceId) {
        for (StripeFakeObject invoice : lists.get("/v1/invoices")) {
            if (invoice.id().equals(invoiceId)) {
                List<StripeFakeObject> lines = new ArrayList<>();
                for (var line : JsonParser.parseString(invoice.json()).getAsJsonObject().getAsJsonObject("lines")
                        .getAsJsonArray("data")) {
                    // one creation time for all: the lines endpoint keeps the invoice's order
                    lines.add(new StripeFakeObject(line.getAsJsonObject().get("id").getAsString(), invoice.created(),
                            line.toString()));
                }
                return lines;
            }
        }
        return null;
    }

    /** Positions by id and creation times of one list, rebuilt when the list changes. */
    private Index index(String path, List<StripeFakeObject> list) {
        Index index = indexes.get(path);
        if (index == null || index.list != list || index.size != list.size()) {
            index = new Index(list);
            indexes.put(path, index);
        }
        return index;
    }

    private static final class Index {
        final List<StripeFakeObject> list;
        final int size;
        final long[] created;
        final Map<String, Integer> positions = new java.util.HashMap<>();

        Index(List<StripeFakeObject> list) {
            this.list = list;
            this.size = list.size();
            this.created = new long[size];
            for (int i = 0; i < size; i++) {
                created[i] = list.get(i).created();
                positions.put(list.get(i).id(), i);
            }
        }

        /** The first position (newest first) of an object created at or before {@code time}. */
        int firstAtOrBefore(long time) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (created[mid] > time) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static final class TokenBucket {
        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
