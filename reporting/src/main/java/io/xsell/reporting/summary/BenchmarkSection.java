package io.xsell.reporting.summary;

import java.math.BigDecimal;

/**
 * The benchmark reading of the period, as the API's {@code benchmark}: stage and verdict codes are
 * null when undefined (no active customer, no starting MRR).
 */
public record BenchmarkSection(String stage, BigDecimal healthyLowPct, BigDecimal healthyHighPct,
                               BigDecimal topQuartilePct, String verdict, BigDecimal annualizedCrossSellRatePct,
                               BigDecimal productsPerCustomer) implements SummarySection {
    @Override
    public String id() {
        return "benchmark";
    }

    @Override
    public String title() {
        return "Benchmark";
    }
}
