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
        MANY_LINES
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
