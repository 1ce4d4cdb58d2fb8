package io.xsell.ingestion.stripe.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Each item's share of a subscription's amount-off coupons, day by day. The share follows the
 * items present: from the day an item is added or removed, or its quantity or price changes, every
 * item's share is split again over the items present from then on (a share kept from the last
 * invoice would take the coupon more than once, or not in full, until the next invoice).
 * <ul>
 *   <li>on the first day of a full-period invoice line, the item's share is what the line billed
 *   ({@code discount_amounts}), until the next change;</li>
 *   <li>otherwise it is Stripe's proportional rule ({@link AmountOffShares}) over the items the
 *   coupon applies to that day, in the order they joined the subscription (then by id): the same
 *   order on every route, so a later event never moves an earlier day's cents.</li>
 * </ul>
 */
final class AmountOffSplit {
    private static final Comparator<ItemSpan> JOINED = Comparator.comparing(ItemSpan::joined)
            .thenComparing(ItemSpan::itemId);

    private AmountOffSplit() {
    }

    /** A share of one span over {@code [start, end)}, in minor units. */
    record Share(LocalDate start, LocalDate end, long amount) {
    }

    /**
     * @param spans     every state of every item of one subscription
     * @param amountOff each amount-off coupon's {@code amount_off}, by coupon id
     * @return for each span with amount-off coupons, its shares in day order (equal neighbours merged)
     */
    static Map<ItemSpan, List<Share>> of(List<ItemSpan> spans, Map<String, Long> amountOff) {
        List<ItemSpan> discounted = spans.stream().filter(s -> !s.coupons().isEmpty()).toList();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (ItemSpan span : discounted) {
            days.add(span.start());
            if (span.end() != null) {
                days.add(span.end());
            }
            // a line's first day may bill another share without another state (a merged run)
            span.billedShares().keySet().stream().filter(span::activeOn).forEach(days::add);
        }
        Map<ItemSpan, List<Share>> result = new LinkedHashMap<>();
        for (LocalDate day : days) {
            LocalDate next = days.higher(day);
            List<ItemSpan> present = discounted.stream().filter(s -> s.activeOn(day)).sorted(JOINED).toList();
            for (ItemSpan span : present) {
                long share = shareOn(day, span, present, amountOff);
                LocalDate end = next == null ? span.end() : next;
                add(result.computeIfAbsent(span, s -> new ArrayList<>()), new Share(day, end, share));
            }
        }
        return result;
    }

    private static long shareOn(LocalDate day, ItemSpan span, List<ItemSpan> present, Map<String, Long> amountOff) {
        Long billed = span.billedOn(day);
        if (billed != null) {
            return billed;
        }
        long share = 0;
        for (String coupon : span.coupons()) {
            List<ItemSpan> sharing = present.stream().filter(s -> s.coupons().contains(coupon)).toList();
            long[] amounts = sharing.stream().mapToLong(ItemSpan::amount).toArray();
            share += AmountOffShares.of(Objects.requireNonNull(amountOff.get(coupon), coupon), amounts)[
                    sharing.indexOf(span)];
        }
        return share;
    }

    /** Appends a share, or lengthens the last one when it is the same amount. */
    private static void add(List<Share> shares, Share share) {
        Share last = shares.isEmpty() ? null : shares.get(shares.size() - 1);
        if (last != null && last.amount() == share.amount() && Objects.equals(last.end(), share.start())) {
            shares.set(shares.size() - 1, new Share(last.start(), share.end(), share.amount()));
        } else {
            shares.add(share);
        }
    }
}
