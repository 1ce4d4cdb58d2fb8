package io.xsell.core.metrics;

import io.xsell.core.benchmark.Benchmark;
import java.util.List;

/**
 * The answer to "how well did we cross-sell in this window": the metric set for all customers,
 * the split by product line, the benchmark reading and, when asked, the same per segment.
 *
 * @param segmentBy  the attribute segmented on; null when no segmentation was asked
 * @param bySegment  empty when no segmentation was asked
 */
public record CrossSellReport(
        Window window,
        String currency,
        WindowMetrics metrics,
        List<ProductLineMetrics> byProductLine,
        Benchmark benchmark,
        String segmentBy,
        List<SegmentMetrics> bySegment) {
    public CrossSellReport {
        byProductLine = List.copyOf(byProductLine);
        bySegment = List.copyOf(bySegment);
    }
}
