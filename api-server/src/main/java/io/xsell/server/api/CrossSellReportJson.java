package io.xsell.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.DisplayNames;
import java.util.List;

/**
 * The body of {@code GET /v1/metrics/cross-sell} (spec/api.md), also printed by the
 * {@code report} command: the window metric set at the top level, then the lines, the benchmark
 * and, when segmentation was asked, {@code segment_by} and {@code by_segment[]}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"from", "to", "currency"})
public record CrossSellReportJson(
        String from,
        String to,
        String currency,
        @JsonUnwrapped WindowMetricsJson metrics,
        List<ProductLineJson> byProductLine,
        BenchmarkJson benchmark,
        @JsonInclude(JsonInclude.Include.NON_NULL) String segmentBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SegmentJson> bySegment) {

    public static CrossSellReportJson of(CrossSellReport report, DisplayNames names) {
        boolean segmented = report.segmentBy() != null;
        return new CrossSellReportJson(report.window().from().toString(), report.window().to().toString(),
                report.currency(), WindowMetricsJson.of(report.metrics()), ProductLineJson.of(report.byProductLine(), names),
                BenchmarkJson.of(report.benchmark()), report.segmentBy(),
                segmented ? report.bySegment().stream()
                        .map(s -> SegmentJson.of(s, report.segmentBy(), names)).toList() : null);
    }
}
