package io.xsell.core.engagement;

import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.PricedItem;

/**
 * Activity questions answered from a customer's priced items without building its timeline.
 * An item's monthly MRR is never below 0, so the customer's total is &gt; 0 on a day exactly when
 * one item earning &gt; 0 is active that day. Building the timeline (the movements) is only needed
 * for customers who can have a cross_sell in the window: one needs an item that starts earning in it.
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

    /** Whether an item starts earning on a day {@code from <= d <= to}: the only days a cross_sell can happen. */
    static boolean startsBetween(PricedItem[] items, long from, long to) {
        for (PricedItem item : items) {
            if (item.activeFrom() > to) {
                return false;
            }
            if (item.activeFrom() >= from) {
                return true;
            }
        }
        return false;
    }
}
