package io.xsell.reporting.summary;

import io.xsell.core.metrics.Window;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The cross-sell picture of one tenant for one period, compared with the period before. Every
 * figure is rounded as the API presents it (half-even to 2 decimals), from the same use cases.
 *
 * @param cadence  {@code weekly}, {@code monthly}, {@code quarterly}; null for a free window
 * @param sections in reading order; the first is always the {@link HeadlineSection}
 */
public record Summary(String tenantName, String currency, String cadence, Window period, Window previousPeriod,
                      Instant generatedAt, List<SummarySection> sections) {

    public Summary {
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(previousPeriod, "previousPeriod");
        Objects.requireNonNull(generatedAt, "generatedAt");
        sections = List.copyOf(sections);
        if (sections.isEmpty() || !(sections.get(0) instanceof HeadlineSection)) {
            throw new IllegalArgumentException("a summary starts with its headlines");
        }
    }

    public HeadlineSection headlines() {
        return (HeadlineSection) sections.get(0);
    }

    /** The period as people read it: the last day is {@code to - 1}. */
    public String periodLabel() {
        return Periods.label(period);
    }

    public String previousPeriodLabel() {
        return Periods.label(previousPeriod);
    }
}
