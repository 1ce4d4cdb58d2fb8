package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the touch-to-adoption funnel per channel.
 *
 * @param adoptionDays how many days after the first touch an adoption still counts (0..365)
 */
public record JourneyAnalyticsQuery(TenantId tenant, Window window, int adoptionDays) {
    public static final int DEFAULT_ADOPTION_DAYS = 30;

    public JourneyAnalyticsQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (adoptionDays < 0 || adoptionDays > 365) {
            throw new IllegalArgumentException("adoption_days must be between 0 and 365, was " + adoptionDays);
        }
    }

    public static JourneyAnalyticsQuery of(TenantId tenant, Window window) {
        return new JourneyAnalyticsQuery(tenant, window, DEFAULT_ADOPTION_DAYS);
    }
}
