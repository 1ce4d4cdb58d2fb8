package io.xsell.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.SegmentMetrics;
import io.xsell.core.model.DisplayNames;
import java.util.List;

/**
 * One entry of {@code by_segment[]}: the segment value and its display name (else the value; null
 * for customers without the attribute), its window metric set and its lines.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"segment", "segment_name"})
public record SegmentJson(String segment, String segmentName, @JsonUnwrapped WindowMetricsJson metrics, List<ProductLineJson> byProductLine) {

    public static SegmentJson of(SegmentMetrics segment, String attribute, DisplayNames names) {
        return new SegmentJson(segment.segment(), names.segment(attribute, segment.segment()),
                WindowMetricsJson.of(segment.metrics()), ProductLineJson.of(segment.byProductLine(), names));
    }
}
