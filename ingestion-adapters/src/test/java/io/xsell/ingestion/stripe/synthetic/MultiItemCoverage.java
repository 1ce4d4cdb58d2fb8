package io.xsell.ingestion.stripe.synthetic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How often the account holds each multi-item case of issue 12, and when each change happened
 * (Unix seconds): path tests assert each case falls on both sides of their cut-off, so a generator
 * change that drops a case fails them.
 */
public record MultiItemCoverage(Map<Case, List<Long>> changes, int invoicesOverTenLines) {

    public enum Case {
        /** An item added to a running subscription mid-period, before its first invoice. */
        ITEM_ADDED,
        /** An item removed mid-period; half of these subscriptions carry a bundle id in metadata. */
        ITEM_REMOVED,
        /** An item removed mid-period, then the subscription canceled (the change is the removal). */
        ITEM_REMOVED_THEN_CANCELED,
        /** The seats of one of several items changed mid-period. */
        SEAT_CHANGE,
        /** An amount-off coupon {@code forever} on two items (the change is the subscription's start). */
        AMOUNT_OFF_FOREVER,
        /** An amount-off coupon {@code repeating} on two items (the change is the coupon's end). */
        AMOUNT_OFF_REPEATING,
        /** Eleven items, a twelfth added mid-period: every invoice has more than ten lines. */
        MANY_LINES,
        /** An amount-off coupon on three items, two of one amount: the cents left by rounding, ties included. */
        AMOUNT_OFF_UNEVEN,
        /** {@link #ITEM_ADDED} on a subscription with a percent-off coupon. */
        PERCENT_OFF_ITEM_ADDED(ITEM_ADDED, "percent_off"),
        /** {@link #ITEM_REMOVED} on a subscription with a percent-off coupon. */
        PERCENT_OFF_ITEM_REMOVED(ITEM_REMOVED, "percent_off"),
        /** {@link #SEAT_CHANGE} on a subscription with a percent-off coupon. */
        PERCENT_OFF_SEAT_CHANGE(SEAT_CHANGE, "percent_off"),
        /** {@link #ITEM_ADDED} with an amount-off coupon: every item's share is split again that day. */
        AMOUNT_OFF_ITEM_ADDED(ITEM_ADDED, "amount_off"),
        /** {@link #ITEM_REMOVED} with an amount-off coupon: the items left take the whole coupon that day. */
        AMOUNT_OFF_ITEM_REMOVED(ITEM_REMOVED, "amount_off"),
        /** {@link #SEAT_CHANGE} with an amount-off coupon: the shares follow the new seats that day. */
        AMOUNT_OFF_SEAT_CHANGE(SEAT_CHANGE, "amount_off");

        private final Case change;
        private final String coupon;

        Case() {
            this(null, null);
        }

        Case(Case change, String coupon) {
            this.change = change;
            this.coupon = coupon;
        }

        /** The change this case makes to the subscription's items (itself for a case of its own). */
        public Case change() {
            return change == null ? this : change;
        }

        /** The coupon the subscription carries from its start, {@code percent_off} or {@code amount_off}; or null. */
        public String coupon() {
            return coupon;
        }
    }

    public MultiItemCoverage {
        changes = Map.copyOf(new EnumMap<>(changes));
    }

    /** Changes of {@code kind} that happened before {@code instant}. */
    public long before(Case kind, long instant) {
        return changes.getOrDefault(kind, List.of()).stream().filter(t -> t < instant).count();
    }

    /** Changes of {@code kind} that happened at or after {@code instant}: events bring them. */
    public long atOrAfter(Case kind, long instant) {
        return changes.getOrDefault(kind, List.of()).stream().filter(t -> t >= instant).count();
    }
}
