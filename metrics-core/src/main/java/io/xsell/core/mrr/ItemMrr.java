package io.xsell.core.mrr;

import io.xsell.core.model.BillingInterval;
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
        return monthly(item.unitAmount(), item.quantity(), item.discountPercent(), item.discountAmount(),
                item.interval(), item.intervalCount(), fxRate);
    }

    /** The MRR of an item of these fields (discounts null for none): what pricing by codes computes once per input. */
    static BigDecimal monthly(BigDecimal unitAmount, BigDecimal quantity, BigDecimal discountPercent,
                              BigDecimal discountAmount, BillingInterval interval, int intervalCount,
                              BigDecimal fxRate) {
        BigDecimal net = unitAmount.multiply(quantity);
        if (discountPercent != null) {
            net = net.multiply(HUNDRED.subtract(discountPercent)).movePointLeft(2);
        }
        if (discountAmount != null) {
            net = net.subtract(discountAmount);
        }
        if (net.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal converted = net.multiply(fxRate);
        if (interval.periodsPerYear() == 12 * intervalCount) {
            return converted; // a plain monthly price: the division below would be by 1
        }
        // net / months(interval) / count, as one division: months(interval) = 12 / periodsPerYear.
        BigDecimal yearly = converted.multiply(BigDecimal.valueOf(interval.periodsPerYear()));
        return yearly.divide(BigDecimal.valueOf(12L * intervalCount), Decimals.MC);
    }
}
