package io.xsell.core.model;

import java.util.Locale;

/**
 * A billing interval and how many of its periods make a year. A monthly amount is the period
 * amount times {@code periodsPerYear / 12}: a day-interval price is multiplied by 365/12, a
 * week-interval price by 52/12 (spec section 2).
 */
public enum BillingInterval {
    DAY(365), WEEK(52), MONTH(12), QUARTER(4), YEAR(1);

    private final int periodsPerYear;

    BillingInterval(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingInterval parse(String text) {
        for (BillingInterval interval : values()) {
            if (interval.code().equals(text)) {
                return interval;
            }
        }
        throw new IllegalArgumentException(Bounds.quote(text) + " is not an interval (day, week, month, quarter, year)");
    }
}
