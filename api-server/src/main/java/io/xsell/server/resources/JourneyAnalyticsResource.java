package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.server.api.JourneyReportJson;
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

/** The touch-to-adoption funnel per channel; cached per data and engagement version. */
@Path("/v1/analytics/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class JourneyAnalyticsResource {
    private final JourneyAnalyticsUseCase journeys;
    private final ResponseCache cache;
    private final EngagementVersions versions;

    @Inject
    public JourneyAnalyticsResource(JourneyAnalyticsUseCase journeys, ResponseCache cache, EngagementVersions versions) {
        this.journeys = journeys;
        this.cache = cache;
        this.versions = versions;
    }

    @GET
    @Operation(summary = "Per channel: customers touched, adopted a line within adoption_days, median days from touch to adoption")
    public Response journeys(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @Parameter(schema = @Schema(type = "integer", defaultValue = "30", minimum = "0", maximum = "365"))
                             @QueryParam("adoption_days") String adoptionDays) {
        Window window = QueryParams.window(from, to);
        int days = QueryParams.integer("adoption_days", adoptionDays, JourneyAnalyticsQuery.DEFAULT_ADOPTION_DAYS, 0, 365);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "journeys " + window + " " + days + " e" + versions.current(tenant),
                () -> JourneyReportJson.of(journeys.journeys(new JourneyAnalyticsQuery(tenant, window, days))));
    }
}
