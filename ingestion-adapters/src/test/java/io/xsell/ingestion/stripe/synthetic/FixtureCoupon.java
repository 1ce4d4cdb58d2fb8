package io.xsell.ingestion.stripe.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture's own statement of the rule docs/stripe.md writes down for an amount-off coupon on
 * several items, so the CSV truth does not come from the code it checks: each item takes
 * {@code amount_off × its amount / the subtotal} rounded down, and the cents the rounding leaves go
 * one each to the items with the largest dropped fraction; on an equal fraction, to the item that
 * joined the subscription first, then to the smaller item id. A coupon above the subtotal takes
 * every item to zero.
 */
final class FixtureCoupon {
    private FixtureCoupon() {
    }

    /** An item present on the day of the split. */
    record Holder(String id, LocalDate joined, long amount) {
    }

    /** The share of {@code item} among {@code present} (which holds it), in minor units. */
    static long share(long amountOff, List<Holder> present, Holder item) {
        long subtotal = present.stream().mapToLong(Holder::amount).sum();
        if (amountOff >= subtotal) {
            return item.amount();
        }
        BigDecimal off = BigDecimal.valueOf(amountOff);
        BigDecimal total = BigDecimal.valueOf(subtotal);
        long mine = 0;
        long floors = 0;
        List<Holder> ahead = new ArrayList<>();
        BigDecimal myFraction = fraction(off, total, item);
        for (Holder other : present) {
            BigDecimal exact = off.multiply(BigDecimal.valueOf(other.amount())).divide(total, 40, RoundingMode.DOWN);
            floors += exact.setScale(0, RoundingMode.DOWN).longValueExact();
            if (other.equals(item)) {
                mine = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            }
            int byFraction = fraction(off, total, other).compareTo(myFraction);
            boolean earlier = other.joined().isBefore(item.joined())
                    || other.joined().equals(item.joined()) && other.id().compareTo(item.id()) < 0;
            if (byFraction > 0 || byFraction == 0 && earlier) {
                ahead.add(other);
            }
        }
        long leftOver = amountOff - floors;
        // this item gets a cent when fewer items than the cents left over rank before it
        return mine + (ahead.size() < leftOver ? 1 : 0);
    }

    private static BigDecimal fraction(BigDecimal off, BigDecimal total, Holder holder) {
        BigDecimal exact = off.multiply(BigDecimal.valueOf(holder.amount())).divide(total, 40, RoundingMode.DOWN);
        return exact.subtract(exact.setScale(0, RoundingMode.DOWN));
    }
}
