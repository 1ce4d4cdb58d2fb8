package io.xsell.core.movement;

import java.math.BigDecimal;
import java.util.List;

/**
 * Classifies the difference between a customer's MRR by line on day {@code d-1} and on day {@code d}.
 * The amounts add up to {@code T1 - T0} in every case, which is what keeps
 * {@code MRR at end = MRR at start + sum of movements} true for any window and any set of customers.
 */
public final class MovementClassifier {
    private MovementClassifier() {
    }

    /**
     * @param before        MRR by line on {@code d-1}
     * @param after         MRR by line on {@code d}
     * @param everActive    the customer had MRR on some day before {@code d}
     * @param bundledStarts per line: an item that became active on {@code d} carries a bundle id
     * @param out           receives the movements, in line order
     */
    public static void classify(int day, BigDecimal[] before, BigDecimal totalBefore, BigDecimal[] after,
                                BigDecimal totalAfter, boolean everActive, boolean[] bundledStarts,
                                List<Movement> out) {
        boolean wasPaying = totalBefore.signum() > 0;
        boolean isPaying = totalAfter.signum() > 0;
        if (!wasPaying && !isPaying) {
            return;
        }
        for (int line = 0; line < after.length; line++) {
            BigDecimal a = before[line];
            BigDecimal b = after[line];
            int cmp = a.compareTo(b);
            if (cmp == 0) {
                continue;
            }
            if (!wasPaying) {
                out.add(new Movement(day, line, everActive ? MovementType.REACTIVATION : MovementType.NEW_BUSINESS, b, false));
            } else if (!isPaying) {
                out.add(new Movement(day, line, MovementType.CHURN, a.negate(), false));
            } else if (a.signum() == 0) {
                out.add(new Movement(day, line, MovementType.CROSS_SELL, b, bundledStarts[line]));
            } else if (b.signum() == 0) {
                out.add(new Movement(day, line, MovementType.LINE_CHURN, a.negate(), false));
            } else {
                out.add(new Movement(day, line, cmp < 0 ? MovementType.UPSELL : MovementType.CONTRACTION, b.subtract(a), false));
            }
        }
    }
}
