package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.DisplayNamesUseCase;
import io.xsell.core.port.in.MovementSeriesQuery;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationQuery;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.server.api.CrossSellReportJson;
import io.xsell.server.api.MovementSeriesJson;
import io.xsell.server.api.PenetrationJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** The metric endpoints of spec/api.md, answered from the response cache when the data is unchanged. */
@Path("/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricsResource {
    private final CrossSellReportUseCase crossSell;
    private final MovementSeriesUseCase movements;
    private final PenetrationUseCase penetration;
    private final TenantRegistry tenants;
    private final ResponseCache cache;
    private final DisplayNamesUseCase names;

    @Inject
    public MetricsResource(CrossSellReportUseCase crossSell, MovementSeriesUseCase movements,
                           PenetrationUseCase penetration, TenantRegistry tenants, ResponseCache cache,
                           DisplayNamesUseCase names) {
        this.names = names;
        this.crossSell = crossSell;
        this.movements = movements;
        this.penetration = penetration;
        this.tenants = tenants;
        this.cache = cache;
    }

    @GET
    @Path("/cross-sell")
    @Operation(summary = "Cross-sell window metrics, by product line, benchmark, and by segment with segment_by",
            responses = @ApiResponse(responseCode = "200", description = "the window metric set (spec/metrics.md section 4)",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = CrossSellReportJson.class))))
    public Response crossSell(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("segment_by") String segmentBy) {
        Window window = QueryParams.window(from, to);
        String segment = QueryParams.optional("segment_by", segmentBy);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "cross-sell " + window + " " + segment, () -> CrossSellReportJson.of(
                crossSell.crossSellReport(new CrossSellReportQuery(tenant, window, segment)), names.displayNames(tenant)));
    }

    @GET
    @Path("/movements")
    @Operation(summary = "MRR at start and end and the sum of each movement type, per period (week, month, quarter, year)")
    public Response movements(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("granularity") String granularity) {
        Window window = QueryParams.window(from, to);
        Granularity cut = QueryParams.granularity(granularity);
        QueryParams.requireFewPeriods(window, cut);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "movements " + window + " " + cut, () -> MovementSeriesJson.of(window,
                tenants.reportingCurrency(tenant), cut.code(), movements.movementSeries(new MovementSeriesQuery(tenant, window, cut))));
    }

    @GET
    @Path("/penetration")
    @Operation(summary = "Per line holders and penetration on a date, products per customer and its distribution")
    public Response penetration(@Parameter(hidden = true) @Auth TenantPrincipal principal, @QueryParam("date") String date) {
        LocalDate day = QueryParams.date("date", date);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "penetration " + day,
                () -> PenetrationJson.of(penetration.penetration(new PenetrationQuery(tenant, day)),
                        names.displayNames(tenant)));
    }
}
