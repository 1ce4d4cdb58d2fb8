package io.xsell.core.movement;

import java.util.Locale;

/** The seven ways a customer's MRR on a line changes from one day to the next (spec section 3). */
public enum MovementType {
    /** First time the customer pays anything. */
    NEW_BUSINESS,
    /** Paying again after a day with no MRR. */
    REACTIVATION,
    /** A paying customer starts paying for a line it did not hold. */
    CROSS_SELL,
    /** A paying customer pays more for a line it holds. */
    UPSELL,
    /** A paying customer pays less for a line it keeps. */
    CONTRACTION,
    /** A paying customer stops paying for one line but keeps others. */
    LINE_CHURN,
    /** The customer stops paying altogether. */
    CHURN;

    /** Contraction, line churn and churn: the movements gross revenue retention subtracts. */
    public boolean isLoss() {
        return this == CONTRACTION || this == LINE_CHURN || this == CHURN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
