package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.server.api.EngagementReportJson;
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

/** Feature usage, engagement depth, cross-sell and churn by engagement quartile; cached per data and engagement version. */
@Path("/v1/analytics/engagement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class EngagementAnalyticsResource {
    private final EngagementAnalyticsUseCase engagement;
    private final ResponseCache cache;
    private final EngagementVersions versions;

    @Inject
    public EngagementAnalyticsResource(EngagementAnalyticsUseCase engagement, ResponseCache cache,
                                       EngagementVersions versions) {
        this.engagement = engagement;
        this.cache = cache;
        this.versions = versions;
    }

    @GET
    @Operation(summary = "Feature usage frequency per active customer per month, engagement depth, cross-sell rate and churn by engagement quartile")
    public Response engagement(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                               @QueryParam("from") String from, @QueryParam("to") String to) {
        Window window = QueryParams.window(from, to);
        TenantId tenant = principal.tenant();
        return cache.json(tenant, "engagement " + window + " e" + versions.current(tenant),
                () -> EngagementReportJson.of(engagement.engagement(new EngagementAnalyticsQuery(tenant, window))));
    }
}
