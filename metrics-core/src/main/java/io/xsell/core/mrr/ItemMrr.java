package io.xsell.core.mrr;

import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;

/** Monthly recurring revenue of one item (spec section 2). */
public final class ItemMrr {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ItemMrr() {
    }

    /**
     * The item's MRR in the reporting currency.
     *
     * @param fxRate reporting-currency units per unit of the item's currency, taken on the item's
     *               start date and kept for its whole life so that FX never creates movements
     */
    public static BigDecimal monthly(RecurringItem item, BigDecimal fxRate) {
        BigDecimal net = item.unitAmount().multiply(item.quantity());
        if (item.discountPercent() != null) {
            net = net.multiply(HUNDRED.subtract(item.discountPercent())).movePointLeft(2);
        }
        if (item.discountAmount() != null) {
            net = net.subtract(item.discountAmount());
        }
        if (net.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal converted = net.multiply(fxRate);
        if (item.interval().periodsPerYear() == 12 * item.intervalCount()) {
            return converted; // a plain monthly price: the division below would be by 1
        }
        // net / months(interval) / count, as one division: months(interval) = 12 / periodsPerYear.
        BigDecimal yearly = converted.multiply(BigDecimal.valueOf(item.interval().periodsPerYear()));
        return yearly.divide(BigDecimal.valueOf(12L * item.intervalCount()), Decimals.MC);
    }
}
