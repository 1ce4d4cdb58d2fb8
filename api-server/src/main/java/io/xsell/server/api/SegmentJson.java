package io.xsell.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.SegmentMetrics;
import java.util.List;

/** One entry of {@code by_segment[]}: the segment value, its window metric set and its lines. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"segment"})
public record SegmentJson(String segment, @JsonUnwrapped WindowMetricsJson metrics, List<ProductLineJson> byProductLine) {

    public static SegmentJson of(SegmentMetrics segment) {
        return new SegmentJson(segment.segment(), WindowMetricsJson.of(segment.metrics()),
                ProductLineJson.of(segment.byProductLine()));
    }
}
