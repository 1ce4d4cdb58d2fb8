package io.xsell.core.engagement;

import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.PricedItem;

/**
 * Activity questions answered from a customer's priced items without building its timeline.
 * An item's monthly MRR is never below 0, so the customer's total is &gt; 0 on a day exactly when
 * one item earning &gt; 0 is active that day.
 */
final class Activity {
    private Activity() {
    }

    /** MRR(c, day) &gt; 0. */
    static boolean activeOn(PricedItem[] items, int day) {
        for (PricedItem item : items) {
            if (item.activeFrom() > day) {
                return false; // items are ordered by activeFrom
            }
            if (day < item.end() && item.monthly().signum() > 0) {
                return true;
            }
        }
        return false;
    }

    /** MRR(c, d) &gt; 0 on some day {@code from <= d < to}. */
    static boolean activeIn(PricedItem[] items, Window window) {
        long from = window.from().toEpochDay();
        long to = window.to().toEpochDay();
        for (PricedItem item : items) {
            if (item.activeFrom() >= to) {
                return false;
            }
            if (item.end() > from && item.monthly().signum() > 0) {
                return true;
            }
        }
        return false;
    }
}
