package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Products per customer at each month end of the trailing year, and the distribution of lines held. */
public record TrajectorySection(List<Point> points) implements SummarySection {
    public TrajectorySection {
        points = List.copyOf(points);
    }

    /** The state on {@code day}; percentages are of the active customers, null when none is active. */
    public record Point(LocalDate day, int activeCustomers, BigDecimal productsPerCustomer, BigDecimal holdingOnePct,
                        BigDecimal holdingTwoPct, BigDecimal holdingThreePct, BigDecimal holdingFourOrMorePct) {
    }

    @Override
    public String id() {
        return "trajectory";
    }

    @Override
    public String title() {
        return "Products per customer, trailing twelve months";
    }
}
