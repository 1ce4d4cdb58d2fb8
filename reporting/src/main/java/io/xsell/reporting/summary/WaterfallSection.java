package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.util.List;

/**
 * MRR at the start of the period, each movement type's sum, MRR at the end: {@code ending =
 * starting + sum of the steps}.
 */
public record WaterfallSection(BigDecimal startingMrr, List<Step> steps, BigDecimal endingMrr) implements SummarySection {
    public WaterfallSection {
        steps = List.copyOf(steps);
    }

    /** One movement type, named as in the API ({@code cross_sell_mrr}). */
    public record Step(String field, String label, BigDecimal amount) {
    }

    @Override
    public String id() {
        return "waterfall";
    }

    @Override
    public String title() {
        return "MRR movements";
    }
}
