package io.xsell.core.movement;

import java.util.Locale;

/** The seven ways a customer's MRR on a line changes from one day to the next (spec section 3). */
public enum MovementType {
    /** First time the customer pays anything. */
    NEW_BUSINESS(Amount.AFTER),
    /** Paying again after a day with no MRR. */
    REACTIVATION(Amount.AFTER),
    /** A paying customer starts paying for a line it did not hold. */
    CROSS_SELL(Amount.AFTER),
    /** A paying customer pays more for a line it holds. */
    UPSELL(Amount.CHANGE),
    /** A paying customer pays less for a line it keeps. */
    CONTRACTION(Amount.CHANGE),
    /** A paying customer stops paying for one line but keeps others. */
    LINE_CHURN(Amount.LOST),
    /** The customer stops paying altogether. */
    CHURN(Amount.LOST);

    /**
     * How a movement's amount follows from the line's MRR the day before ({@code a}) and on the day
     * ({@code b}), as the contract's table writes it; every representation of amounts computes it so.
     */
    public enum Amount {
        /** {@code b} */
        AFTER,
        /** {@code -a} */
        LOST,
        /** {@code b - a} */
        CHANGE
    }

    private final Amount amount;

    MovementType(Amount amount) {
        this.amount = amount;
    }

    /** How the amount of a movement of this type is computed. */
    public Amount amount() {
        return amount;
    }

    /** Contraction, line churn and churn: the movements gross revenue retention subtracts. */
    public boolean isLoss() {
        return this == CONTRACTION || this == LINE_CHURN || this == CHURN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
