package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amounts numbered in the order first seen, one number per distinct amount. Distinct means not
 * {@code equals}: 10 and 10.0 differ (their scale shows in every sum they enter), so the amount a
 * code reads back is always equal, value and scale, to the one it was given. Not thread-safe.
 */
final class DistinctAmounts {
    private final Map<BigDecimal, Integer> codes = new HashMap<>();
    private final List<BigDecimal> amounts = new ArrayList<>();

    int code(BigDecimal amount) {
        Integer known = codes.get(amount);
        if (known == null) {
            known = amounts.size();
            codes.put(amount, known);
            amounts.add(amount);
        }
        return known;
    }

    BigDecimal[] toArray() {
        return amounts.toArray(new BigDecimal[0]);
    }
}
