package io.xsell.core.mrr;

import java.math.BigDecimal;

/**
 * An item reduced to what the engine needs: its line, the epoch days it earns MRR
 * {@code [activeFrom, end)} and its monthly amount in the reporting currency.
 *
 * @param end     {@link #OPEN} when the item has no end date
 * @param bundled the item was sold as part of a bundle
 */
public record PricedItem(int line, int activeFrom, int end, BigDecimal monthly, boolean bundled) {
    public static final int OPEN = Integer.MAX_VALUE;
}
