package io.xsell.reporting.summary;

import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.SummaryAnalyticsUseCase;

/**
 * What section sources read: the request, the cross-sell reports of the period (segmented when
 * the tenant's customers carry the attribute) and of the previous period, and the use cases for
 * anything else, and the names to show for product lines and segment values.
 */
public record SummaryContext(SummaryRequest request, CrossSellReport current, CrossSellReport previous,
                             MovementSeriesUseCase movements, PenetrationUseCase penetration,
                             SummaryAnalyticsUseCase analytics, DisplayNames names) {
}
