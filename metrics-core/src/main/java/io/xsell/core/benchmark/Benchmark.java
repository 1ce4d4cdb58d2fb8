package io.xsell.core.benchmark;

import io.xsell.core.mrr.Decimals;
import java.math.BigDecimal;

/**
 * The benchmark reading of a window.
 *
 * <p>Both inputs are compared as presented (rounded to 2 decimals), so that a reader who sees
 * "1.20 products per customer" also sees the Series B stage. The range bounds are inclusive:
 * a rate equal to the top of the healthy range is healthy; only a rate strictly above the
 * top-quartile threshold is top quartile.
 *
 * @param stage   null when there were no active customers at the window end
 * @param verdict null when the rate is undefined (no starting MRR) or the stage is unknown
 */
public record Benchmark(BenchmarkStage stage, BenchmarkVerdict verdict) {

    public static Benchmark assess(BigDecimal productsPerCustomer, BigDecimal annualizedCrossSellRatePct) {
        if (productsPerCustomer == null) {
            return new Benchmark(null, null);
        }
        BenchmarkStage stage = BenchmarkStage.of(Decimals.present(productsPerCustomer));
        if (annualizedCrossSellRatePct == null) {
            return new Benchmark(stage, null);
        }
        return new Benchmark(stage, verdict(stage, Decimals.present(annualizedCrossSellRatePct)));
    }

    private static BenchmarkVerdict verdict(BenchmarkStage stage, BigDecimal rate) {
        if (rate.compareTo(stage.healthyLowPct()) < 0) {
            return BenchmarkVerdict.BELOW_HEALTHY;
        }
        if (rate.compareTo(stage.healthyHighPct()) <= 0) {
            return BenchmarkVerdict.HEALTHY;
        }
        if (stage.topQuartilePct() != null && rate.compareTo(stage.topQuartilePct()) > 0) {
            return BenchmarkVerdict.TOP_QUARTILE;
        }
        return BenchmarkVerdict.ABOVE_HEALTHY;
    }
}
