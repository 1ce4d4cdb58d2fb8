package io.xsell.core.benchmark;

import java.util.Locale;

/** Where an annualized cross-sell rate falls against its stage's healthy range. */
public enum BenchmarkVerdict {
    BELOW_HEALTHY, HEALTHY, ABOVE_HEALTHY, TOP_QUARTILE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
