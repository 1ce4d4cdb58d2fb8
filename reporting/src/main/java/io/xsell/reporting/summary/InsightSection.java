package io.xsell.reporting.summary;

import java.util.List;
import java.util.Map;

/** The most urgent insights (next best actions) of the period. */
public record InsightSection(List<Item> insights, int total) implements SummarySection {
    public InsightSection {
        insights = List.copyOf(insights);
    }

    /**
     * One insight; evidence values are already as presented (amounts and percentages to 2 decimals).
     * {@code comparison} is the test behind an insight that compares two groups (effect, 95 %
     * interval, group sizes, p-values), null for one that describes the whole account.
     */
    public record Item(String severity, String rule, String title, Map<String, Object> evidence,
                       String recommendation, io.xsell.core.insights.Comparison comparison) {
    }

    @Override
    public String id() {
        return "insights";
    }

    @Override
    public String title() {
        return "Top insights";
    }
}
