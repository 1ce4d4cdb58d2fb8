package io.xsell.core.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Which lines the active customers hold on one day.
 *
 * @param distribution customers holding 1, 2, 3 and 4 or more lines (index 0 to 3)
 */
public record PenetrationReport(LocalDate date, long activeCustomers, List<LinePenetration> lines,
                                BigDecimal productsPerCustomer, List<Long> distribution) {
    public PenetrationReport {
        lines = List.copyOf(lines);
        distribution = List.copyOf(distribution);
    }

    /** One line's holders and their share of active customers (null when nobody is active). */
    public record LinePenetration(String productLine, io.xsell.core.model.LineKind kind, long holders,
                                  BigDecimal penetrationPct) {
    }
}
