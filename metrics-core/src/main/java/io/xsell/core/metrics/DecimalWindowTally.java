package io.xsell.core.metrics;

import io.xsell.core.movement.Movement;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.PricedCharge;
import java.math.BigDecimal;
import java.util.Arrays;

/** A {@link WindowTally} of {@code BigDecimal} sums, fed from customers' {@link MrrTimeline}s. */
final class DecimalWindowTally extends WindowTally {
    private final BigDecimal[] sums;

    DecimalWindowTally(Window window, int lineCount) {
        super(window, lineCount);
        sums = new BigDecimal[slotCount(lineCount)];
        Arrays.fill(sums, BigDecimal.ZERO);
    }

    void add(MrrTimeline timeline, PricedCharge[] charges) {
        BigDecimal start = timeline.mrrOn(startDay);
        addTo(beginCustomer(start.signum()), start);
        for (Movement m : timeline.movements()) {
            if (m.day() <= startDay) {
                continue;
            }
            if (m.day() > endDay) {
                break;
            }
            addTo(movement(m.type(), m.line(), m.bundleDriven()), m.amount());
        }
        BigDecimal end = timeline.mrrOn(endDay);
        addTo(endCustomer(end.signum()), end);
        if (end.signum() > 0) {
            BigDecimal[] held = timeline.mrrByLineOn(endDay);
            for (int line = 0; line < lineCount; line++) {
                if (held[line].signum() > 0) {
                    holdsAtEnd(line);
                }
            }
        }
        addCharges(charges);
    }

    private void addTo(int n, BigDecimal amount) {
        for (int i = 0; i < n; i++) {
            sums[slots[i]] = sums[slots[i]].add(amount);
        }
    }

    @Override
    BigDecimal sum(int slot) {
        return sums[slot];
    }

    @Override
    void mergeSums(WindowTally other) {
        BigDecimal[] theirs = ((DecimalWindowTally) other).sums;
        for (int slot = 0; slot < sums.length; slot++) {
            sums[slot] = sums[slot].add(theirs[slot]);
        }
    }
}
