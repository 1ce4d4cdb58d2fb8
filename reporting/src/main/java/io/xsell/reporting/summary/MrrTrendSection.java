package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * MRR and ARR at each month end of the twelve months up to the period's end (the last point is
 * the period's last day), from the movement series of {@code GET /v1/metrics/movements}.
 */
public record MrrTrendSection(List<Point> points) implements SummarySection {
    public MrrTrendSection {
        points = List.copyOf(points);
    }

    /** MRR on {@code day} as presented, and ARR = MRR x 12. */
    public record Point(LocalDate day, BigDecimal mrr, BigDecimal arr) {
    }

    @Override
    public String id() {
        return "mrr_trend";
    }

    @Override
    public String title() {
        return "MRR and ARR, trailing twelve months";
    }
}
