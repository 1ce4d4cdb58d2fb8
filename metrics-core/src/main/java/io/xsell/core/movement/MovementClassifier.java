package io.xsell.core.movement;

import java.math.BigDecimal;
import java.util.List;

/**
 * Classifies the difference between a customer's MRR by line on day {@code d-1} and on day {@code d}.
 * The amounts add up to {@code T1 - T0} in every case, which is what keeps
 * {@code MRR at end = MRR at start + sum of movements} true for any window and any set of customers.
 *
 * <p>The rules are written once, on signs and comparisons ({@link #type}) and on
 * {@link MovementType#amount()}, so that every representation of amounts (the {@code BigDecimal}s
 * here, the fixed-point form of the window report) classifies alike.
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
        if (!changesAnything(wasPaying, isPaying)) {
            return;
        }
        for (int line = 0; line < after.length; line++) {
            BigDecimal a = before[line];
            BigDecimal b = after[line];
            int cmp = a.compareTo(b);
            if (cmp == 0) {
                continue;
            }
            MovementType type = type(wasPaying, isPaying, everActive, a.signum(), b.signum(), cmp);
            BigDecimal amount = switch (type.amount()) {
                case AFTER -> b;
                case LOST -> a.negate();
                case CHANGE -> b.subtract(a);
            };
            out.add(new Movement(day, line, type, amount, type == MovementType.CROSS_SELL && bundledStarts[line]));
        }
    }

    /** Whether a day on which the customer's total goes from {@code T0} to {@code T1} has movements at all. */
    public static boolean changesAnything(boolean wasPaying, boolean isPaying) {
        return wasPaying || isPaying;
    }

    /**
     * The type of the movement of one line whose MRR changed from {@code a} to {@code b} ({@code a != b})
     * on a day for which {@link #changesAnything} holds.
     *
     * @param wasPaying  {@code T0 > 0}
     * @param isPaying   {@code T1 > 0}
     * @param everActive the customer had MRR on some day before
     * @param signBefore the sign of {@code a}
     * @param signAfter  the sign of {@code b}
     * @param cmp        the sign of {@code a - b}
     */
    public static MovementType type(boolean wasPaying, boolean isPaying, boolean everActive, int signBefore,
                                    int signAfter, int cmp) {
        if (!wasPaying) {
            return everActive ? MovementType.REACTIVATION : MovementType.NEW_BUSINESS;
        } else if (!isPaying) {
            return MovementType.CHURN;
        } else if (signBefore == 0) {
            return MovementType.CROSS_SELL;
        } else if (signAfter == 0) {
            return MovementType.LINE_CHURN;
        } else {
            return cmp < 0 ? MovementType.UPSELL : MovementType.CONTRACTION;
        }
    }
}
