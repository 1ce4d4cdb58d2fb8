package io.xsell.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.insights.Comparison;
import io.xsell.core.insights.Insight;
import io.xsell.core.insights.InsightsAnswer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /v1/analytics/insights}: next best actions, most severe first, each
 * comparison with its effect, 95 % interval, group sizes and p-values; the comparisons looked at and
 * not shown under {@code suppressed} with their reason; and the size of the family of tests whose
 * false discovery rate was controlled.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InsightsJson(String from, String to, String segmentBy, List<Item> insights, List<Suppressed> suppressed,
                           int testsRun, BigDecimal falseDiscoveryRate) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(String rule, String severity, String subject, String title, Map<String, Object> evidence,
                       String recommendation, ComparisonJson comparison) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suppressed(String rule, String subject, String reason, ComparisonJson comparison) {
    }

    /** {@link Comparison} as the API names it; null for insights that describe the whole account. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ComparisonJson(String metric, String groupA, long customersA, long eventsA, BigDecimal ratePctA,
                                 String groupB, long customersB, long eventsB, BigDecimal ratePctB,
                                 BigDecimal differencePctPoints, BigDecimal ciLowPctPoints,
                                 BigDecimal ciHighPctPoints, String test, @JsonProperty("p_value") BigDecimal pValue,
                                 @JsonProperty("adjusted_p_value") BigDecimal adjustedPValue, BigDecimal mrrAtStake,
                                 BigDecimal mrrAtStakePct,
                                 BigDecimal customersAffectedPct) {
        static ComparisonJson of(Comparison c) {
            return c == null ? null : new ComparisonJson(c.metric(), c.groupA(), c.customersA(), c.eventsA(),
                    c.ratePctA(), c.groupB(), c.customersB(), c.eventsB(), c.ratePctB(), c.differencePctPoints(),
                    c.ciLowPctPoints(), c.ciHighPctPoints(), c.test(), c.pValue(), c.adjustedPValue(), c.mrrAtStake(),
                    c.mrrAtStakePct(), c.customersAffectedPct());
        }
    }

    public static InsightsJson of(io.xsell.core.metrics.Window window, String segmentBy, InsightsAnswer answer) {
        return new InsightsJson(window.from().toString(), window.to().toString(), segmentBy,
                answer.insights().stream().map(InsightsJson::item).toList(),
                answer.suppressed().stream().map(s -> new Suppressed(s.rule(), s.subject(), s.reason(),
                        ComparisonJson.of(s.comparison()))).toList(),
                answer.testsRun(), BigDecimal.valueOf(answer.falseDiscoveryRate()));
    }

    private static Item item(Insight i) {
        return new Item(i.rule(), i.severity().code(), i.subject(), i.title(), i.evidence(), i.recommendation(),
                ComparisonJson.of(i.comparison()));
    }
}
