package io.xsell.core.port.in;

import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.insights.Insight;
import java.util.List;

/** The analytics of a periodic summary, computed on the same priced data as the metric use cases. */
public interface SummaryAnalyticsUseCase {

    /** Products per customer month by month over the query's window. */
    ProductsPerCustomerTrajectory productsPerCustomerTrajectory(SummaryAnalyticsQuery query);

    /**
     * The insight rules that fire for the window, most urgent first.
     *
     * @throws io.xsell.core.metrics.UnknownAttributeException when no customer has the segment attribute
     */
    List<Insight> insights(SummaryAnalyticsQuery query);
}
