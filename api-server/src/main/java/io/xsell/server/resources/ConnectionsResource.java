package io.xsell.server.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.ingestion.stripe.api.StripeCallFailedException;
import io.xsell.ingestion.stripe.mapping.LineOverride;
import io.xsell.server.api.StripeConnectionJson;
import io.xsell.server.api.SyncRunJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.stripe.StripeConnection;
import io.xsell.server.stripe.StripeSyncService;
import io.xsell.server.stripe.StripeSyncTask;
import io.xsell.server.stripe.SyncRun;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Billing-system connections: connect a Stripe account, read it, follow its syncs. */
@Path("/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connections")
public class ConnectionsResource {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final StripeSyncService stripe;
    private final TenantRegistry tenants;
    private final SchedulerClient scheduler;

    @Inject
    public ConnectionsResource(StripeSyncService stripe, TenantRegistry tenants, SchedulerClient scheduler) {
        this.stripe = stripe;
        this.tenants = tenants;
        this.scheduler = scheduler;
    }

    /**
     * Body: {@code api_key} (a restricted read key, {@code rk_} or {@code sk_}), {@code reporting_currency}
     * (the tenant's), optional {@code webhook_secret}, {@code product_lines}
     * ({@code {"prod_..": {"product_line": .., "kind": ..}}}) and {@code fx_rates}
     * ({@code [{"date", "currency", "rate"}]}). The key is checked with one call to Stripe, then
     * stored encrypted; the first sync starts at once.
     */
    @POST
    @Path("/stripe")
    // any type is let through to the method so that a missing key is a 401 before a wrong type is a 415
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Connect a Stripe account; its first sync starts at once")
    public Response connectStripe(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                  @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @Schema(description = "JSON: api_key, reporting_currency, webhook_secret, product_lines, fx_rates")
                                  String text) {
        JsonNode body = json(contentType, text);
        Tenant tenant = tenants.findById(principal.tenant()).orElseThrow(() -> ProblemException.notFound("no such tenant"));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        String apiKey = text(body, "api_key");
        if (apiKey == null) {
            errors.add(Problem.FieldError.parameter("api_key", "is required"));
        } else if (!apiKey.matches("(rk|sk)_(test|live)_[A-Za-z0-9_]{4,}")) {
            errors.add(Problem.FieldError.parameter("api_key",
                    "must be a Stripe secret or restricted key (sk_test_…, rk_live_…)"));
        }
        String currency = text(body, "reporting_currency");
        if (currency == null) {
            errors.add(Problem.FieldError.parameter("reporting_currency", "is required"));
        } else if (!currency.equals(tenant.reportingCurrency())) {
            errors.add(Problem.FieldError.parameter("reporting_currency", "must be the tenant's reporting currency, "
                    + tenant.reportingCurrency()));
        }
        String webhookSecret = text(body, "webhook_secret");
        if (webhookSecret != null && !webhookSecret.startsWith("whsec_")) {
            errors.add(Problem.FieldError.parameter("webhook_secret", "must be an endpoint secret (whsec_…)"));
        }
        Map<String, LineOverride> overrides = overrides(body.get("product_lines"), errors);
        List<FxRate> rates = rates(body.get("fx_rates"), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        StripeConnection connection;
        try {
            connection = stripe.connect(new StripeConnection(null, tenant.id(), null, false, null, false, currency,
                    overrides, rates, null, null, null), apiKey, webhookSecret);
        } catch (StripeSyncService.MasterKeyMissingException e) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "no-master-key", e.getMessage()));
        } catch (StripeCallFailedException e) {
            if (e.isKeyRefused()) {
                throw invalid(List.of(Problem.FieldError.parameter("api_key",
                        "Stripe refused the key (HTTP " + e.status() + ")")));
            }
            throw new ProblemException(Problem.of(Response.Status.BAD_GATEWAY, "stripe-unavailable",
                    "the key could not be checked: " + e.getMessage()));
        }
        scheduler.scheduleIfNotExists(StripeSyncTask.instance(connection.id()), stripe.now());
        return Response.created(URI.create("/v1/connections/" + connection.id()))
                .entity(StripeConnectionJson.of(connection)).build();
    }

    @GET
    @Operation(summary = "The tenant's connections (never their keys)")
    public List<StripeConnectionJson> list(@Parameter(hidden = true) @Auth TenantPrincipal principal) {
        return stripe.store().connections(principal.tenant()).stream().map(StripeConnectionJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One connection of the tenant (never its key)")
    public StripeConnectionJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                    @PathParam("id") String id) {
        return StripeConnectionJson.of(connection(principal, id));
    }

    /**
     * Body: {@code product_lines} and/or {@code fx_rates}, each replacing the connection's own.
     * Once the account has been synced, its data is mapped again with them at once: settings it
     * cannot be mapped with are refused (422, with the reasons) and nothing changes.
     */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change a connection's product-line overrides or FX rates; its data is mapped again")
    public StripeConnectionJson update(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                       @PathParam("id") String id,
                                       @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @Schema(description = "JSON: product_lines, fx_rates") String text) {
        StripeConnection connection = connection(principal, id);
        JsonNode body = json(contentType, text);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!body.has("product_lines") && !body.has("fx_rates")) {
            errors.add(Problem.FieldError.parameter("body", "give product_lines, fx_rates or both"));
        }
        Map<String, LineOverride> overrides = body.has("product_lines") ? overrides(body.get("product_lines"), errors)
                : connection.lineOverrides();
        List<FxRate> rates = body.has("fx_rates") ? rates(body.get("fx_rates"), errors) : connection.fxRates();
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        try {
            return StripeConnectionJson.of(stripe.updateSettings(connection, overrides, rates));
        } catch (io.xsell.core.model.InvalidDatasetException e) {
            throw invalid(e.problems().stream().map(p -> Problem.FieldError.parameter("body", p)).toList());
        }
    }

    @GET
    @Path("/{id}/syncs")
    @Operation(summary = "The connection's sync runs, newest first: state, progress, counts, errors")
    public Map<String, Object> syncs(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                     @PathParam("id") String id,
                                     @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "20",
                                             minimum = "1", maximum = "200"))
                                     @QueryParam("limit") String limit) {
        StripeConnection connection = connection(principal, id);
        int max = QueryParams.integer("limit", limit, 20, 1, 200);
        List<SyncRunJson> runs = new ArrayList<>();
        for (SyncRun run : stripe.store().runs(connection.id(), max)) {
            Map<String, Long> counts = "incremental".equals(run.kind()) || !"running".equals(run.state())
                    ? run.counts() : stripe.store().backfillCounts(run.id());
            runs.add(SyncRunJson.of(run, counts));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connection_id", connection.id());
        answer.put("syncs", runs);
        return answer;
    }

    @POST
    @Path("/{id}/syncs")
    @Operation(summary = "Sync the connection now rather than at its next scheduled time")
    public Response syncNow(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        StripeConnection connection = connection(principal, id);
        boolean scheduled = true;
        if (!scheduler.scheduleIfNotExists(StripeSyncTask.instance(connection.id()), stripe.now())) {
            try {
                scheduler.reschedule(StripeSyncTask.instance(connection.id()), stripe.now());
            } catch (RuntimeException running) {
                // the sync is running right now: its next run follows at the usual interval
                scheduled = false;
            }
        }
        return Response.accepted(Map.of("connection_id", connection.id(), "scheduled", scheduled)).build();
    }

    private static JsonNode json(String contentType, String text) {
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send the connection as Content-Type: application/json"));
        }
        try {
            return JSON.readTree(text == null || text.isBlank() ? "null" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                    "the request body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private StripeConnection connection(TenantPrincipal principal, String id) {
        return stripe.store().connection(principal.tenant(), id)
                .orElseThrow(() -> ProblemException.notFound("no connection with id '" + id + "'"));
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "invalid-connection",
                "the connection request is invalid", errors));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static Map<String, LineOverride> overrides(JsonNode node, List<Problem.FieldError> errors) {
        Map<String, LineOverride> overrides = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return overrides;
        }
        if (!node.isObject()) {
            errors.add(Problem.FieldError.parameter("product_lines", "must be an object keyed by Stripe product id"));
            return overrides;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = "product_lines." + entry.getKey();
            String line = entry.getValue().isObject() ? text(entry.getValue(), "product_line") : null;
            if (line == null) {
                errors.add(Problem.FieldError.parameter(field + ".product_line", "is required"));
                continue;
            }
            String kind = text(entry.getValue(), "kind");
            try {
                overrides.put(entry.getKey(), new LineOverride(line, kind == null ? null : LineKind.parse(kind)));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.parameter(field + ".kind", e.getMessage()));
            }
        }
        return overrides;
    }

    private static List<FxRate> rates(JsonNode node, List<Problem.FieldError> errors) {
        List<FxRate> rates = new ArrayList<>();
        if (node == null || node.isNull()) {
            return rates;
        }
        if (!node.isArray()) {
            errors.add(Problem.FieldError.parameter("fx_rates", "must be an array of {date, currency, rate}"));
            return rates;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode rate = node.get(i);
            String field = "fx_rates[" + i + "]";
            try {
                rates.add(new FxRate(LocalDate.parse(String.valueOf(text(rate, "date"))), text(rate, "currency"),
                        new BigDecimal(String.valueOf(text(rate, "rate")))));
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.parameter(field + ".date", "must be a date YYYY-MM-DD"));
            } catch (NumberFormatException e) {
                errors.add(Problem.FieldError.parameter(field + ".rate", "must be a decimal number"));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(Problem.FieldError.parameter(field, String.valueOf(e.getMessage())));
            }
        }
        return rates;
    }
}
