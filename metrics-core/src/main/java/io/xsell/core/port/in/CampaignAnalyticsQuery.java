package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for campaign attribution and ROI over a window.
 *
 * @param attributionDays how many days before a cross-sell a touchpoint may be to take credit (0..365)
 * @param horizonMonths   months of attributed MRR counted as a campaign's incremental revenue (1..120)
 */
public record CampaignAnalyticsQuery(TenantId tenant, Window window, int attributionDays, int horizonMonths) {
    public static final int DEFAULT_ATTRIBUTION_DAYS = 30;
    public static final int DEFAULT_HORIZON_MONTHS = 12;

    public CampaignAnalyticsQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (attributionDays < 0 || attributionDays > 365) {
            throw new IllegalArgumentException("attribution_days must be between 0 and 365, was " + attributionDays);
        }
        if (horizonMonths < 1 || horizonMonths > 120) {
            throw new IllegalArgumentException("horizon_months must be between 1 and 120, was " + horizonMonths);
        }
    }

    public static CampaignAnalyticsQuery of(TenantId tenant, Window window) {
        return new CampaignAnalyticsQuery(tenant, window, DEFAULT_ATTRIBUTION_DAYS, DEFAULT_HORIZON_MONTHS);
    }
}
