package io.xsell.ingestion.stripe.mapping;

import static io.xsell.ingestion.stripe.mapping.StripeAccountMapper.min;
import static io.xsell.ingestion.stripe.mapping.StripeAmounts.day;

import com.stripe.model.Coupon;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The canonical item periods of one Stripe subscription, rebuilt from its invoice lines. */
final class SubscriptionHistory {
    private static final Comparator<BilledPeriod> BY_START = Comparator.comparing(BilledPeriod::start)
            .thenComparing(BilledPeriod::proration);

    private final StripeAccountMapper mapper;
    private final Subscription subscription;
    private final String status;

    SubscriptionHistory(StripeAccountMapper mapper, Subscription subscription) {
        this.mapper = mapper;
        this.subscription = subscription;
        this.status = subscription.getStatus() == null ? "active" : subscription.getStatus();
    }

    List<RecurringItem> items() {
        // never paid for: Stripe itself treats these as not started
        if ("incomplete".equals(status) || "incomplete_expired".equals(status)) {
            return List.of();
        }
        Set<String> itemIds = new LinkedHashSet<>();
        if (subscription.getItems() != null && subscription.getItems().getData() != null) {
            for (SubscriptionItem item : subscription.getItems().getData()) {
                itemIds.add(item.getId());
            }
        }
        List<RecurringItem> result = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (String itemId : knownItemIds(itemIds)) {
            result.addAll(itemHistory(itemId, spans));
        }
        result.addAll(priced(spans));
        return result;
    }

    /**
     * The canonical items of every item's states, each cut where its share of an amount-off coupon
     * changes: the shares are split again whenever the subscription's items change ({@link AmountOffSplit}).
     */
    private List<RecurringItem> priced(List<Span> spans) {
        Map<String, LocalDate> joined = new java.util.HashMap<>();
        spans.forEach(s -> joined.merge(s.itemId(), s.start(), StripeAccountMapper::min));
        Map<Span, ItemSpan> of = new java.util.IdentityHashMap<>();
        Map<String, Long> amountOff = new java.util.HashMap<>();
        for (Span span : spans) {
            Price price = mapper.price(span.state().priceId());
            if (price == null || price.getCurrency() == null) {
                continue;
            }
            List<String> coupons = new ArrayList<>();
            for (String couponId : span.state().couponIds()) {
                Coupon coupon = mapper.coupon(couponId);
                if (coupon.getAmountOff() != null && price.getCurrency().equalsIgnoreCase(coupon.getCurrency())) {
                    coupons.add(couponId);
                    amountOff.put(couponId, coupon.getAmountOff());
                }
            }
            if (!coupons.isEmpty()) {
                of.put(span, new ItemSpan(span.itemId(), joined.get(span.itemId()), span.start(), span.end(),
                        minorAmount(price, span.state().quantity()), coupons, billedShares(span.itemId())));
            }
        }
        Map<ItemSpan, List<AmountOffSplit.Share>> shares = AmountOffSplit.of(List.copyOf(of.values()), amountOff);
        Map<String, Integer> counters = new java.util.HashMap<>();
        List<RecurringItem> items = new ArrayList<>();
        for (Span span : spans) {
            List<AmountOffSplit.Share> pieces = of.containsKey(span) ? shares.get(of.get(span)) : null;
            if (pieces == null) {
                pieces = List.of(new AmountOffSplit.Share(span.start(), span.end(), 0));
            }
            for (AmountOffSplit.Share piece : pieces) {
                int index = counters.merge(span.itemId(), 1, Integer::sum) - 1;
                RecurringItem item = item(span.itemId(), index, piece.start(), piece.end(), span.state(),
                        span.billed(), piece.amount());
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /** What each full-period line of the item billed of its amount-off coupons, by the line's first day. */
    private Map<LocalDate, Long> billedShares(String itemId) {
        Map<LocalDate, Long> shares = new java.util.HashMap<>();
        for (BilledPeriod period : mapper.periods(itemId)) {
            if (period.isCredit()) {
                continue;
            }
            Long share = amountOffShare(period, mapper.recurringCoupons(period.discountIds() != null
                    ? period.discountIds() : List.of()));
            if (share != null) {
                shares.put(period.start(), share);
            }
        }
        return shares;
    }

    /** Items removed from the subscription still have their invoice lines, prorations, records and changes. */
    private Set<String> knownItemIds(Set<String> current) {
        Set<String> all = new LinkedHashSet<>(current);
        // invoice lines are indexed by item, so items of this subscription are found through the mapper
        for (String itemId : mapper.itemsOfSubscription(subscription.getId())) {
            all.add(itemId);
        }
        return all;
    }

    /** The metered item's canonical items, or else the item's states added to {@code spans}. */
    private List<RecurringItem> itemHistory(String itemId, List<Span> spans) {
        List<BilledPeriod> periods = new ArrayList<>(mapper.periods(itemId));
        periods.sort(BY_START);
        List<BilledPeriod> states = periods.stream().filter(p -> !p.isCredit()).toList();
        if (states.isEmpty()) {
            fromCurrentState(itemId, spans);
            return List.of();
        }
        Price firstPrice = mapper.price(states.get(0).priceId());
        if (firstPrice != null && firstPrice.getRecurring() != null
                && "metered".equals(firstPrice.getRecurring().getUsageType())) {
            return metered(itemId, states);
        }
        List<Run> runs = new ArrayList<>();
        for (BilledPeriod period : states) {
            List<String> discountIds = period.discountIds() == null ? currentDiscountIds(itemId)
                    : period.proration() ? withItemLevel(period.discountIds(), itemId) : period.discountIds();
            List<String> coupons = mapper.recurringCoupons(discountIds);
            ItemState state = new ItemState(period.priceId(), period.quantity(), coupons);
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.state.sameAs(state)) {
                continue;
            }
            if (last != null && !period.start().isAfter(last.start)) {
                // a proration on the first day of a period replaces what that day was billed at
                runs.set(runs.size() - 1, new Run(last.start, state, period));
            } else {
                runs.add(new Run(period.start(), state, period));
            }
        }
        currentStateRun(itemId, runs);
        LocalDate lastBilledEnd = states.stream().map(BilledPeriod::end).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate lastRegularStart = states.stream().filter(p -> !p.proration()).map(BilledPeriod::start)
                .max(Comparator.naturalOrder()).orElse(runs.get(runs.size() - 1).start);
        LocalDate end = end(itemId, periods, runs.get(runs.size() - 1).start, lastBilledEnd, lastRegularStart);

        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            LocalDate runEnd = i + 1 < runs.size() ? min(runs.get(i + 1).start, end) : end;
            if (runEnd == null || runEnd.isAfter(run.start)) {
                spans.add(new Span(itemId, run.start, runEnd, run.state, run.period));
            }
        }
        return List.of();
    }

    /**
     * The first day the item no longer earns, from the subscription's state; null while it runs on.
     *
     * @param lastRegularStart start of the latest period billed on schedule: an {@code unpaid}
     *                         subscription churns from there
     */
    private LocalDate end(String itemId, List<BilledPeriod> periods, LocalDate lastRunStart, LocalDate lastBilledEnd,
                          LocalDate lastRegularStart) {
        LocalDate end = null;
        if (!StripeAccountMapper.isPresentIn(subscription, itemId)) {
            // removed, whatever became of the subscription since: the credit for unused time (or the
            // event that removed it) says when
            end = lastBilledEnd;
            for (BilledPeriod period : periods) {
                // a credit on the last state's first day is for the state before it
                if (period.isCredit() && period.start().isAfter(lastRunStart)) {
                    end = min(end, period.start());
                }
            }
        }
        switch (status) {
            case "canceled" -> {
                Long ended = subscription.getEndedAt() != null ? subscription.getEndedAt() : subscription.getCanceledAt();
                end = min(end, ended != null ? day(ended) : lastBilledEnd);
            }
            case "unpaid" -> end = min(end, lastRegularStart);
            case "paused" -> end = min(end, subscription.getTrialEnd() != null ? day(subscription.getTrialEnd())
                    : lastBilledEnd);
            default -> {
                if (subscription.getCancelAt() != null) {
                    end = min(end, day(subscription.getCancelAt()));
                }
            }
        }
        return end;
    }

    /**
     * The item's current state, when it differs from the last dated one and nothing dates the
     * change (no proration, no event seen: {@code proration_behavior=none} read by a backfill):
     * Stripe bills it from the item's next period, so it counts from there and no earlier day moves.
     */
    private void currentStateRun(String itemId, List<Run> runs) {
        SubscriptionItem item = currentItem(itemId);
        if (item == null || item.getPrice() == null || isTerminal() || runs.isEmpty()) {
            return;
        }
        List<String> coupons = mapper.recurringCoupons(currentDiscountIds(itemId));
        ItemState current = new ItemState(item.getPrice().getId(),
                BigDecimal.valueOf(item.getQuantity() == null ? 1 : item.getQuantity()), coupons);
        Run last = runs.get(runs.size() - 1);
        if (last.state.sameAs(current) || item.getCurrentPeriodEnd() == null) {
            return;
        }
        LocalDate from = day(item.getCurrentPeriodEnd());
        if (from.isAfter(last.start)) {
            runs.add(new Run(from, current, null));
        }
    }

    private SubscriptionItem currentItem(String itemId) {
        if (subscription.getItems() != null && subscription.getItems().getData() != null) {
            for (SubscriptionItem item : subscription.getItems().getData()) {
                if (item.getId().equals(itemId)) {
                    return item;
                }
            }
        }
        return null;
    }

    /**
     * A proration line leaves the item's own discounts out (Stripe's default
     * {@code proration_discounts=included}), so they come from the item as last seen.
     */
    private List<String> withItemLevel(List<String> named, String itemId) {
        SubscriptionItem item = currentItem(itemId);
        if (item == null) {
            item = mapper.itemRecord(itemId);
        }
        if (item == null || item.getDiscounts() == null || item.getDiscounts().isEmpty()) {
            return named;
        }
        List<String> ids = new ArrayList<>(named);
        item.getDiscounts().stream().filter(java.util.Objects::nonNull).filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }

    /** The discounts that apply to the item now: the subscription's and the item's own. */
    private List<String> currentDiscountIds(String itemId) {
        List<String> ids = new ArrayList<>(mapper.currentDiscountIds(subscription));
        SubscriptionItem item = currentItem(itemId);
        if (item != null) {
            if (item.getDiscounts() != null) {
                item.getDiscounts().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
            }
        }
        return ids;
    }

    /**
     * The item's share of its amount-off coupons on a full-period line, in minor units, exactly as
     * Stripe billed it ({@code discount_amounts[].amount}); null for a proration or a fact without amounts.
     */
    private Long amountOffShare(BilledPeriod period, List<String> coupons) {
        // a trial line bills nothing, so it says nothing of the share
        if (period.proration() || period.discountAmounts() == null || period.amount() <= 0) {
            return null;
        }
        Long share = null;
        for (Map.Entry<String, Long> discount : period.discountAmounts().entrySet()) {
            String couponId = mapper.couponOf(discount.getKey());
            Coupon coupon = mapper.coupon(couponId);
            if (coupon != null && coupon.getAmountOff() != null && coupons.contains(couponId)) {
                share = (share == null ? 0 : share) + discount.getValue();
            }
        }
        return share;
    }

    private boolean isTerminal() {
        return "canceled".equals(status) || "unpaid".equals(status) || "paused".equals(status);
    }

    /** An item with no invoice line yet: its current price and quantity since the subscription began. */
    private void fromCurrentState(String itemId, List<Span> spans) {
        if (subscription.getItems() == null) {
            return;
        }
        for (SubscriptionItem item : subscription.getItems().getData()) {
            if (item.getId().equals(itemId) && item.getPrice() != null) {
                // an item added to a running subscription exists from its own creation, not the subscription's
                Long started = subscription.getStartDate() == null ? item.getCreated()
                        : item.getCreated() == null ? subscription.getStartDate()
                        : Math.max(subscription.getStartDate(), item.getCreated());
                if (started == null) {
                    return;
                }
                LocalDate start = day(started);
                ItemState state = new ItemState(item.getPrice().getId(),
                        BigDecimal.valueOf(item.getQuantity() == null ? 1 : item.getQuantity()),
                        mapper.recurringCoupons(currentDiscountIds(itemId)));
                LocalDate end = end(itemId, List.of(), start, null, start);
                if (end == null || end.isAfter(start)) {
                    spans.add(new Span(itemId, start, end, state, null));
                }
                return;
            }
        }
    }

    /** Metered usage is billed after the fact: each closed period's amount stands until the next closes. */
    private List<RecurringItem> metered(String itemId, List<BilledPeriod> states) {
        List<BilledPeriod> closed = states.stream().filter(p -> !p.proration())
                .sorted(Comparator.comparing(BilledPeriod::end)).toList();
        LocalDate end = end(itemId, List.of(), closed.isEmpty() ? null : closed.get(closed.size() - 1).end(),
                null, null);
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < closed.size(); i++) {
            BilledPeriod period = closed.get(i);
            LocalDate start = period.end();
            LocalDate next = i + 1 < closed.size() ? closed.get(i + 1).end() : null;
            LocalDate runEnd = min(next, end);
            long net = period.amount() - period.discount();
            if (net <= 0 || runEnd != null && !runEnd.isAfter(start)) {
                continue;
            }
            Price price = mapper.price(period.priceId());
            String currency = price != null ? price.getCurrency() : null;
            if (price == null || currency == null) {
                continue;
            }
            items.add(new RecurringItem(mapper.id(itemId) + "#" + i, mapper.customerId(subscription.getCustomer()),
                    mapper.productId(price.getProduct()), mapper.id(subscription.getId()), start, runEnd,
                    StripeAmounts.major(net, currency), BigDecimal.ONE, StripeAmounts.currency(currency),
                    StripeAccountMapper.interval(price.getRecurring()),
                    Math.toIntExact(price.getRecurring().getIntervalCount()), null, null, null, bundle(itemId)));
        }
        return items;
    }

    /** @param amountOffShare the item's share of its amount-off coupons on these days, in minor units */
    private RecurringItem item(String itemId, int index, LocalDate start, LocalDate end, ItemState state,
                               BilledPeriod billed, long amountOffShare) {
        Price price = mapper.price(state.priceId());
        if (price == null || price.getRecurring() == null || state.quantity().signum() <= 0) {
            return null;
        }
        String currency = price.getCurrency();
        BigDecimal unitAmount;
        if (price.getUnitAmountDecimal() != null) {
            unitAmount = StripeAmounts.major(price.getUnitAmountDecimal(), currency);
        } else if (price.getUnitAmount() != null) {
            unitAmount = StripeAmounts.major(price.getUnitAmount(), currency);
        } else if (billed != null && !billed.proration() && billed.amount() > 0) {
            // tiered or custom prices: what the full period was billed, per unit
            unitAmount = StripeAmounts.major(BigDecimal.valueOf(billed.amount()), currency)
                    .divide(state.quantity(), java.math.MathContext.DECIMAL128);
        } else {
            return null;
        }
        BigDecimal percent = null;
        for (String couponId : state.couponIds()) {
            Coupon coupon = mapper.coupon(couponId);
            if (coupon.getPercentOff() != null && percent == null) {
                percent = coupon.getPercentOff();
            }
        }
        BigDecimal amountOff = StripeAmounts.major(amountOffShare, currency);
        if (amountOff != null && amountOff.signum() == 0) {
            amountOff = null;
        }
        LocalDate trialEnd = subscription.getTrialEnd() == null ? null : day(subscription.getTrialEnd());
        if (trialEnd != null && !trialEnd.isAfter(start)) {
            trialEnd = null;
        }
        return new RecurringItem(mapper.id(itemId) + "#" + index, mapper.customerId(subscription.getCustomer()),
                mapper.productId(price.getProduct()), mapper.id(subscription.getId()), start, end, unitAmount,
                state.quantity(), StripeAmounts.currency(currency), StripeAccountMapper.interval(price.getRecurring()),
                Math.toIntExact(price.getRecurring().getIntervalCount()), percent, amountOff, trialEnd, bundle(itemId));
    }

    /** Price × quantity in minor units, as a line bills it (a decimal unit price rounds half up). */
    private static long minorAmount(Price price, BigDecimal quantity) {
        BigDecimal unit = price.getUnitAmountDecimal() != null ? price.getUnitAmountDecimal()
                : price.getUnitAmount() != null ? BigDecimal.valueOf(price.getUnitAmount()) : BigDecimal.ZERO;
        BigDecimal amount = unit.multiply(quantity).setScale(0, java.math.RoundingMode.HALF_UP);
        // beyond a long the item itself is refused, naming the field (RecurringItem's bounds)
        return amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1024)) > 0 ? 0 : amount.longValueExact();
    }

    /**
     * A bundle is marked in metadata: the item's own (as last seen, so an item removed since keeps
     * it), else the subscription's.
     */
    private String bundle(String itemId) {
        SubscriptionItem item = currentItem(itemId);
        if (item == null) {
            item = mapper.itemRecord(itemId);
        }
        if (item != null && item.getMetadata() != null && item.getMetadata().get("bundle_id") != null
                && !item.getMetadata().get("bundle_id").isBlank()) {
            return item.getMetadata().get("bundle_id");
        }
        Map<String, String> metadata = subscription.getMetadata();
        String bundle = metadata == null ? null : metadata.get("bundle_id");
        return bundle == null || bundle.isBlank() ? null : bundle;
    }

    private record Run(LocalDate start, ItemState state, BilledPeriod period) {
    }

    /** One state of one item over {@code [start, end)}, before the amount-off split cuts it. */
    private record Span(String itemId, LocalDate start, LocalDate end, ItemState state, BilledPeriod billed) {
    }
}
