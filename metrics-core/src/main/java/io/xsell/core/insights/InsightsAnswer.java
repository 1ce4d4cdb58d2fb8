package io.xsell.core.insights;

import java.util.List;

/**
 * One insights answer: the insights shown (most severe first), the comparisons that were looked at
 * and suppressed, and the size of the family of tests the false discovery rate was controlled over.
 */
public record InsightsAnswer(List<Insight> insights, List<SuppressedInsight> suppressed, int testsRun,
                             double falseDiscoveryRate) {
    public InsightsAnswer {
        insights = List.copyOf(insights);
        suppressed = List.copyOf(suppressed);
    }
}
