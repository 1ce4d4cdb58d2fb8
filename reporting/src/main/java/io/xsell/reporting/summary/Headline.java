package io.xsell.reporting.summary;

import java.math.BigDecimal;

/**
 * One headline figure against the previous period.
 *
 * @param field    the field of {@code GET /v1/metrics/cross-sell} this figure is
 * @param current  as the API presents it; null when undefined (a zero denominator)
 * @param previous the same for the previous period
 * @param change   {@code current - previous}; null when either is null
 */
public record Headline(String field, String label, Unit unit, BigDecimal current, BigDecimal previous,
                       BigDecimal change) {

    /** How a figure reads. */
    public enum Unit { MONEY, PERCENT, RATIO }

    public static Headline of(String field, String label, Unit unit, BigDecimal current, BigDecimal previous) {
        return new Headline(field, label, unit, current, previous,
                current == null || previous == null ? null : current.subtract(previous));
    }
}
