package io.xsell.core.mrr;

import io.xsell.core.model.DistinctValues;
import io.xsell.core.model.NarrowInts;
import io.xsell.core.model.HeapFootprint;
import java.math.BigDecimal;

/**
 * A ledger's priced one-time charges in columns, customer after customer, each customer's in the
 * order given: customer {@code c}'s are {@code [first(c), limit(c))}. Instead of an array and a
 * {@link PricedCharge} per charge, a day and an amount code; amounts are kept distinct as
 * {@link DistinctValues} numbers them, so each reads back equal, scale included.
 */
final class PricedChargeColumns {
    private final int[] firstCharge;
    private final NarrowInts days;
    private final NarrowInts amountCodes;
    private final BigDecimal[] amounts;

    private PricedChargeColumns(int[] firstCharge, NarrowInts days, NarrowInts amountCodes, BigDecimal[] amounts) {
        this.firstCharge = firstCharge;
        this.days = days;
        this.amountCodes = amountCodes;
        this.amounts = amounts;
    }

    /** {@code customers[i]}, {@code days[i]} and {@code amounts[i]} for the i-th charge, in any customer order. */
    static PricedChargeColumns of(int[] customers, int[] days, BigDecimal[] amounts, int count, int customerCount) {
        int[] firstCharge = ByCustomer.offsets(customers, count, customerCount);
        int[] order = ByCustomer.order(customers, count, firstCharge);
        DistinctValues<BigDecimal> distinct = new DistinctValues<>();
        int[] dayColumn = new int[count];
        int[] codeColumn = new int[count];
        for (int k = 0; k < count; k++) {
            dayColumn[k] = days[order[k]];
            codeColumn[k] = distinct.number(amounts[order[k]]);
        }
        return new PricedChargeColumns(firstCharge, NarrowInts.of(dayColumn, count), NarrowInts.of(codeColumn, count),
                distinct.values().toArray(new BigDecimal[0]));
    }

    static PricedChargeColumns of(PricedCharge[][] byCustomer) {
        int count = 0;
        for (PricedCharge[] charges : byCustomer) {
            count += charges.length;
        }
        int[] customers = new int[count];
        int[] days = new int[count];
        BigDecimal[] amounts = new BigDecimal[count];
        int k = 0;
        for (int c = 0; c < byCustomer.length; c++) {
            for (PricedCharge charge : byCustomer[c]) {
                customers[k] = c;
                days[k] = charge.day();
                amounts[k++] = charge.amount();
            }
        }
        return of(customers, days, amounts, count, byCustomer.length);
    }

    /**
     * The columns of {@code image} for a ledger of {@code customers} customers.
     *
     * @throws IllegalArgumentException naming the column and row that do not fit
     */
    static PricedChargeColumns of(PricedChargesImage image, int customers) {
        int rows = image.day() == null ? 0 : image.day().length;
        LedgerImageCheck.offsets("priced charge offsets", image.firstCharge(), customers, rows);
        LedgerImageCheck.length("priced charge amount code", image.amountCode(), rows);
        LedgerImageCheck.codes("priced charge amount code", image.amountCode(), image.amounts());
        return new PricedChargeColumns(image.firstCharge().clone(), NarrowInts.of(image.day(), rows),
                NarrowInts.of(image.amountCode(), rows), image.amounts().toArray(new BigDecimal[0]));
    }

    /** The columns as plain arrays (copies). */
    PricedChargesImage image() {
        return new PricedChargesImage(firstCharge.clone(), days.toArray(), amountCodes.toArray(),
                java.util.List.of(amounts));
    }

    int first(int customer) {
        return firstCharge[customer];
    }

    int limit(int customer) {
        return firstCharge[customer + 1];
    }

    /**
     * {@code sum} plus the customer's charges on days in {@code (after, upTo]}, added in the customer's
     * order, without a {@link PricedCharge} each.
     */
    BigDecimal addInWindow(int customer, int after, int upTo, BigDecimal sum) {
        for (int k = firstCharge[customer], limit = firstCharge[customer + 1]; k < limit; k++) {
            int day = days.get(k);
            if (day > after && day <= upTo) {
                sum = sum.add(amounts[amountCodes.get(k)]);
            }
        }
        return sum;
    }

    PricedCharge charge(int charge) {
        return new PricedCharge(days.get(charge), amounts[amountCodes.get(charge)]);
    }

    /** Adds the columns, the distinct amounts (through {@code f}, so each once) and this object. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(4 * HeapFootprint.REF)).add(HeapFootprint.intArray(firstCharge.length))
                .add(days.retainedBytes()).add(amountCodes.retainedBytes())
                .add(HeapFootprint.referenceArray(amounts.length));
        for (BigDecimal amount : amounts) {
            f.decimal(amount);
        }
    }
}
