package io.xsell.core.benchmark;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The multi-product maturity of a company, read from products per customer, and the annual
 * cross-sell rates that are healthy at that stage (spec section 5, from the benchmark seed).
 */
public enum BenchmarkStage {
    SINGLE_PRODUCT("0", "0", "3", null),
    SERIES_B_MULTI_PRODUCT("1.2", "3", "10", "12"),
    GROWTH_MULTI_PRODUCT("1.5", "8", "15", "18"),
    SCALE_MULTI_PRODUCT("2.0", "12", "22", "25"),
    PLATFORM("3.0", "20", "35", "40");

    private final BigDecimal minProductsPerCustomer;
    private final BigDecimal healthyLowPct;
    private final BigDecimal healthyHighPct;
    private final BigDecimal topQuartilePct;

    BenchmarkStage(String minProductsPerCustomer, String healthyLowPct, String healthyHighPct, String topQuartilePct) {
        this.minProductsPerCustomer = new BigDecimal(minProductsPerCustomer);
        this.healthyLowPct = new BigDecimal(healthyLowPct);
        this.healthyHighPct = new BigDecimal(healthyHighPct);
        this.topQuartilePct = topQuartilePct == null ? null : new BigDecimal(topQuartilePct);
    }

    /** The stage whose band {@code [min, next min)} holds the given products per customer. */
    public static BenchmarkStage of(BigDecimal productsPerCustomer) {
        BenchmarkStage stage = SINGLE_PRODUCT;
        for (BenchmarkStage candidate : values()) {
            if (productsPerCustomer.compareTo(candidate.minProductsPerCustomer) >= 0) {
                stage = candidate;
            }
        }
        return stage;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public BigDecimal healthyLowPct() {
        return healthyLowPct;
    }

    public BigDecimal healthyHighPct() {
        return healthyHighPct;
    }

    /** Threshold above which a rate is top quartile; null for single-product companies. */
    public BigDecimal topQuartilePct() {
        return topQuartilePct;
    }
}
