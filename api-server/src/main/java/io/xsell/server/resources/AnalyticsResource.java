package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.BasketQuery;
import io.xsell.core.port.in.BasketUseCase;
import io.xsell.core.port.in.ChurnRiskQuery;
import io.xsell.core.port.in.ChurnRiskUseCase;
import io.xsell.core.port.in.CohortRetentionQuery;
import io.xsell.core.port.in.CohortRetentionUseCase;
import io.xsell.core.port.in.InsightsQuery;
import io.xsell.core.port.in.InsightsUseCase;
import io.xsell.core.port.in.LifetimeValueQuery;
import io.xsell.core.port.in.LifetimeValueUseCase;
import io.xsell.core.port.in.ProductsPerCustomerQuery;
import io.xsell.core.port.in.ProductsPerCustomerUseCase;
import io.xsell.core.port.in.PropensityQuery;
import io.xsell.core.port.in.PropensityUseCase;
import io.xsell.core.port.in.TimeToAdoptionQuery;
import io.xsell.core.port.in.TimeToAdoptionUseCase;
import io.xsell.core.propensity.UnknownLineException;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.api.BasketJson;
import io.xsell.server.api.ChurnRiskJson;
import io.xsell.server.api.CohortRetentionJson;
import io.xsell.server.api.InsightsJson;
import io.xsell.server.api.LifetimeValueJson;
import io.xsell.server.api.ProductsPerCustomerJson;
import io.xsell.server.api.PropensityJson;
import io.xsell.server.api.TimeToAdoptionJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The analytics of spec/metrics.md section 6 (campaigns, journeys and engagement have their own
 * resources), answered from the response cache while the tenant's data is unchanged.
 */
@Path("/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class AnalyticsResource {
    private final BasketUseCase basket;
    private final TimeToAdoptionUseCase timeToAdoption;
    private final ChurnRiskUseCase churnRisk;
    private final CohortRetentionUseCase cohorts;
    private final ProductsPerCustomerUseCase productsPerCustomer;
    private final LifetimeValueUseCase lifetimeValue;
    private final InsightsUseCase insights;
    private final PropensityUseCase propensity;
    private final TenantRegistry tenants;
    private final ResponseCache cache;
    private final BigDecimal defaultGrossMargin;

    @Inject
    public AnalyticsResource(BasketUseCase basket, TimeToAdoptionUseCase timeToAdoption, ChurnRiskUseCase churnRisk,
                             CohortRetentionUseCase cohorts, ProductsPerCustomerUseCase productsPerCustomer,
                             LifetimeValueUseCase lifetimeValue, InsightsUseCase insights, PropensityUseCase propensity,
                             TenantRegistry tenants, ResponseCache cache, XsellConfiguration configuration) {
        this.basket = basket;
        this.timeToAdoption = timeToAdoption;
        this.churnRisk = churnRisk;
        this.cohorts = cohorts;
        this.productsPerCustomer = productsPerCustomer;
        this.lifetimeValue = lifetimeValue;
        this.insights = insights;
        this.propensity = propensity;
        this.tenants = tenants;
        this.cache = cache;
        this.defaultGrossMargin = configuration.getAnalytics().getDefaultGrossMargin();
    }

    @GET
    @Path("/basket")
    @Operation(summary = "Pairs of lines held together on a date (support, confidence, lift) and adoption sequences")
    public Response basket(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("date") String date,
                           @Parameter(description = "as_of (default): adoption sequences up to date; all_time: whole history")
                           @QueryParam("scope") String scope) {
        LocalDate day = QueryParams.date("date", date);
        boolean allTime = allTime(scope, "as_of");
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics basket " + day + " " + allTime,
                () -> BasketJson.of(basket.basket(new BasketQuery(tenant, day, allTime))));
    }

    /** {@code scope}: absent or {@code usual} (the default), or {@code all_time}; anything else is a 400 naming it. */
    private static boolean allTime(String scope, String usual) {
        if (scope == null || scope.equals(usual)) {
            return false;
        }
        if (scope.equals("all_time")) {
            return true;
        }
        throw ProblemException.badParameter("scope", "must be " + usual + " or all_time, was '" + scope + "'");
    }

    @GET
    @Path("/time-to-adoption")
    @Operation(summary = "Days from a customer's first active day to its cross-sell of each line, for the adoptions "
            + "inside the window (scope=all_time: the whole history, no from/to): median, p25, p75")
    public Response timeToAdoption(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @Parameter(description = "window (default, needs from and to) or all_time")
                                   @QueryParam("scope") String scope) {
        Window window = allTime(scope, "window") ? null : QueryParams.window(from, to);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics time-to-adoption " + window, () -> TimeToAdoptionJson.of(window,
                timeToAdoption.timeToAdoption(new TimeToAdoptionQuery(tenant, window))));
    }

    @GET
    @Path("/churn-risk")
    @Operation(summary = "Logo churn rate in the window by lines held at its start (1, 2, 3+)")
    public Response churnRisk(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        Window window = QueryParams.window(from, to);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics churn-risk " + window,
                () -> ChurnRiskJson.of(churnRisk.churnRisk(new ChurnRiskQuery(tenant, window))));
    }

    @GET
    @Path("/cohorts")
    @Operation(summary = "Retention of the customers that cross-sold in a month against single-line customers, months 1 to 12")
    public Response cohorts(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                            @QueryParam("month") String month) {
        YearMonth cohort = month(month);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics cohorts " + cohort,
                () -> CohortRetentionJson.of(cohorts.cohortRetention(new CohortRetentionQuery(tenant, cohort))));
    }

    @GET
    @Path("/products-per-customer")
    @Operation(summary = "Monthly products per customer and distribution (1, 2, 3, 4+ lines), and attach concentration")
    public Response productsPerCustomer(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        Window window = QueryParams.window(from, to);
        QueryParams.requireFewPeriods(window, io.xsell.core.metrics.Granularity.MONTH);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics products-per-customer " + window, () -> ProductsPerCustomerJson.of(
                productsPerCustomer.productsPerCustomer(new ProductsPerCustomerQuery(tenant, window))));
    }

    @GET
    @Path("/clv")
    @Operation(summary = "Customer lifetime value overall, single-line and multi-line (ARPA x gross margin x lifetime)")
    public Response clv(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("gross_margin") String grossMargin) {
        Window window = QueryParams.window(from, to);
        BigDecimal margin = margin(grossMargin);
        TenantId tenant = principal.tenant();
        String currency = tenants.reportingCurrency(tenant);
        return cache.json(tenant, "analytics clv " + window + " " + margin.toPlainString(), () -> LifetimeValueJson.of(
                lifetimeValue.lifetimeValue(new LifetimeValueQuery(tenant, window, margin)), currency));
    }

    @GET
    @Path("/insights")
    @Operation(summary = "Next best actions: rules over the window's figures, each with severity, evidence and a "
            + "recommendation; group comparisons carry effect, 95 % interval, group sizes and p-values (Benjamini-Hochberg "
            + "at 5 % across the answer); comparisons not shown are listed under suppressed with their reason",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = InsightsJson.class))))
    public Response insights(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("segment_by") String segmentBy) {
        Window window = QueryParams.window(from, to);
        String segment = QueryParams.optional("segment_by", segmentBy);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics insights " + window + " " + segment, () -> InsightsJson.of(window, segment,
                insights.insights(new InsightsQuery(tenant, window, segment))));
    }

    @GET
    @Path("/propensity")
    @Operation(summary = "Per line: a model of adoption trained on history and calibrated on a validation split, its "
            + "holdout ROC AUC and top-decile lift with bootstrap intervals against popularity and the segment baseline "
            + "(beats_* only when the intervals of both differences exclude zero), Brier score and reliability table, "
            + "insufficient_data below 30 adopters, and the customers not holding the line ranked by calibrated score",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PropensityJson.class))))
    public Response propensity(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("date") String date,
                               @QueryParam("horizon_days") String horizonDays,
                               @QueryParam("train_cutoffs") String trainCutoffs,
                               @QueryParam("segment_by") String segmentBy, @QueryParam("line") String line,
                               @QueryParam("limit") String limit) {
        LocalDate day = QueryParams.date("date", date);
        int horizon = QueryParams.integer("horizon_days", horizonDays, PropensityQuery.DEFAULT_HORIZON_DAYS, 7,
                PropensityQuery.MAX_HORIZON_DAYS);
        int cutoffs = QueryParams.integer("train_cutoffs", trainCutoffs, PropensityQuery.DEFAULT_TRAIN_CUTOFFS, 1,
                PropensityQuery.MAX_TRAIN_CUTOFFS);
        int top = QueryParams.integer("limit", limit, PropensityQuery.DEFAULT_LIMIT, 0, PropensityQuery.MAX_LIMIT);
        String segment = QueryParams.optional("segment_by", segmentBy);
        String only = QueryParams.optional("line", line);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "analytics propensity " + day + " " + horizon + " " + cutoffs + " " + segment + " "
                + only + " " + top, () -> {
                    try {
                        return PropensityJson.of(propensity.propensity(
                                new PropensityQuery(tenant, day, horizon, cutoffs, segment, only, top)));
                    } catch (UnknownLineException e) {
                        throw ProblemException.badParameter("line", e.getMessage());
                    }
                });
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter("month", "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("month", "'" + value + "' is not a month (YYYY-MM)");
        }
    }

    private BigDecimal margin(String value) {
        if (value == null) {
            return defaultGrossMargin;
        }
        BigDecimal margin;
        try {
            margin = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("gross_margin", "'" + value + "' is not a number");
        }
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0) {
            throw ProblemException.badParameter("gross_margin", "must be between 0 and 1 (0.80 for 80 %), was " + value);
        }
        return margin;
    }
}
