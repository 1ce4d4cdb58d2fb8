package io.xsell.core.metrics;

import java.util.List;

/**
 * The window metric set on the customers sharing one value of the segmenting attribute.
 *
 * @param segment the attribute value; null for customers that do not carry the attribute
 */
public record SegmentMetrics(String segment, WindowMetrics metrics, List<ProductLineMetrics> byProductLine) {
    public SegmentMetrics {
        byProductLine = List.copyOf(byProductLine);
    }
}
