package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger's priced items as plain arrays, customer after customer: customer {@code c}'s items are
 * rows {@code [firstItem[c], firstItem[c + 1])}, ordered by the day they start earning. Row {@code k}
 * is {@code new PricedItem(line[k], activeFrom[k], end[k], amounts.get(monthlyCode[k]), bit k of bundled)},
 * {@code end[k]} being {@link PricedItem#OPEN} for an item without end.
 */
public record PricedItemsImage(int[] firstItem, int[] line, int[] activeFrom, int[] end, int[] monthlyCode,
                               List<BigDecimal> amounts, long[] bundled) {
}
