package io.xsell.server.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Presentation of fractions (support, confidence, margins, AUC, scores): 4 decimals, half-even; null stays null. */
final class Ratios {
    private Ratios() {
    }

    static BigDecimal fraction(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN);
    }

    static BigDecimal fraction(Double value) {
        return value == null || value.isNaN() ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }

    static BigDecimal twoDecimals(Double value) {
        return value == null || value.isNaN() ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
