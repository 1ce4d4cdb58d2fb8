package io.xsell.core.metrics;

import io.xsell.core.mrr.Fixed192;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.WindowScan;
import java.math.BigDecimal;

/**
 * A {@link WindowTally} of exact fixed-point sums ({@link Fixed192}), fed from a {@link WindowScan}:
 * no object per customer or per addition. Each sum also keeps the largest scale of what it added,
 * which is the scale the {@code BigDecimal} sum of the same terms has, so {@link #sum} gives that
 * very {@code BigDecimal}. A sum that would leave the 192-bit range marks the tally
 * {@link #overflowed()}: its figures are then unusable and the report is computed with
 * {@link DecimalWindowTally} instead.
 */
final class FixedWindowTally extends WindowTally {
    private static final int L = Fixed192.LIMBS;

    private final int fixedScale;
    private final long[] sums;
    private final int[] scales;
    private boolean overflowed;

    FixedWindowTally(Window window, int lineCount, int fixedScale) {
        super(window, lineCount);
        this.fixedScale = fixedScale;
        this.sums = new long[L * slotCount(lineCount)];
        this.scales = new int[slotCount(lineCount)];
    }

    /** Adds the customer {@code scan} has just scanned, customer {@code customer} of {@code ledger}. */
    void add(WindowScan scan, MrrLedger ledger, int customer) {
        addTo(beginCustomer(scan.signum(WindowScan.START)), scan, WindowScan.START);
        for (int m = 0; m < scan.movementCount(); m++) {
            addTo(movement(scan.type(m), scan.line(m), scan.bundleDriven(m)), scan, WindowScan.movementEntry(m));
        }
        int endSign = scan.signum(WindowScan.END);
        addTo(endCustomer(endSign), scan, WindowScan.END);
        if (endSign > 0) {
            for (int line = 0; line < lineCount; line++) {
                if (scan.holdsAtEnd(line)) {
                    holdsAtEnd(line);
                }
            }
        }
        addCharges(ledger, customer);
    }

    private void addTo(int n, WindowScan scan, int entry) {
        long[] values = scan.values();
        int scale = scan.scale(entry);
        for (int i = 0; i < n; i++) {
            int slot = slots[i];
            overflowed |= Fixed192.add(sums, L * slot, values, L * entry);
            scales[slot] = Math.max(scales[slot], scale);
        }
    }

    /** Marks the tally unusable: a customer's scan left the fixed-point range. */
    void overflow() {
        overflowed = true;
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    BigDecimal sum(int slot) {
        if (overflowed) {
            throw new OverflowException();
        }
        return Fixed192.toBigDecimal(sums, L * slot, fixedScale, scales[slot]);
    }

    /** A sum of an {@link #overflowed()} tally was asked for. */
    static final class OverflowException extends ArithmeticException {
        OverflowException() {
            super("the fixed-point sums left their range");
        }
    }

    @Override
    void mergeSums(WindowTally other) {
        FixedWindowTally theirs = (FixedWindowTally) other;
        overflowed |= theirs.overflowed;
        for (int slot = 0; slot < scales.length; slot++) {
            overflowed |= Fixed192.add(sums, L * slot, theirs.sums, L * slot);
            scales[slot] = Math.max(scales[slot], theirs.scales[slot]);
        }
    }
}
