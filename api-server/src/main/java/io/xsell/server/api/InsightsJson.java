package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.insights.Insight;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /v1/analytics/insights}: next best actions, most severe first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InsightsJson(String from, String to, String segmentBy, List<Item> insights) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(String rule, String severity, String subject, String title, Map<String, Object> evidence,
                       String recommendation) {
    }

    public static InsightsJson of(io.xsell.core.metrics.Window window, String segmentBy, List<Insight> insights) {
        return new InsightsJson(window.from().toString(), window.to().toString(), segmentBy,
                insights.stream().map(i -> new Item(i.rule(), i.severity().code(), i.subject(), i.title(), i.evidence(),
                        i.recommendation())).toList());
    }
}
