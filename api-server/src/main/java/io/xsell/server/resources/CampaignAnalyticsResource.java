package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.server.api.CampaignReportJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.engagement.EngagementVersions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Campaign attribution, ROI and uplift; cached per data and engagement version. */
@Path("/v1/analytics/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class CampaignAnalyticsResource {
    private final CampaignAnalyticsUseCase campaigns;
    private final ResponseCache cache;
    private final EngagementVersions versions;

    @Inject
    public CampaignAnalyticsResource(CampaignAnalyticsUseCase campaigns, ResponseCache cache,
                                     EngagementVersions versions) {
        this.campaigns = campaigns;
        this.cache = cache;
        this.versions = versions;
    }

    @GET
    @Operation(summary = "Per campaign: last-touch attributed cross-sell MRR, incremental revenue, ROI, uplift with a 95 % interval")
    public Response campaigns(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @Parameter(schema = @Schema(type = "integer", defaultValue = "30", minimum = "0", maximum = "365"))
                              @QueryParam("attribution_days") String attributionDays,
                              @Parameter(schema = @Schema(type = "integer", defaultValue = "12", minimum = "1", maximum = "120"))
                              @QueryParam("horizon_months") String horizonMonths) {
        Window window = QueryParams.window(from, to);
        int days = QueryParams.integer("attribution_days", attributionDays,
                CampaignAnalyticsQuery.DEFAULT_ATTRIBUTION_DAYS, 0, 365);
        int months = QueryParams.integer("horizon_months", horizonMonths,
                CampaignAnalyticsQuery.DEFAULT_HORIZON_MONTHS, 1, 120);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "campaigns " + window + " " + days + " " + months + " e" + versions.current(tenant),
                () -> CampaignReportJson.of(campaigns.campaignAnalytics(
                        new CampaignAnalyticsQuery(tenant, window, days, months))));
    }
}
