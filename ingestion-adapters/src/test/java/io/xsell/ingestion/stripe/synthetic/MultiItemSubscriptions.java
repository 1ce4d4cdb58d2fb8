package io.xsell.ingestion.stripe.synthetic;

import static io.xsell.ingestion.stripe.mapping.StripeAmounts.epoch;
import static io.xsell.ingestion.stripe.mapping.StripeAmounts.minor;
import static io.xsell.ingestion.stripe.synthetic.StripeJson.nullable;
import static io.xsell.ingestion.stripe.synthetic.StripeJson.object;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.synthetic.MultiItemCoverage.Case;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount.Chain;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount.Proration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Customers whose one subscription holds several items, one per case of issue 12
 * ({@link MultiItemCoverage.Case}), written on both sides of the account: Stripe's subscription with
 * its items, invoices (a line per item, proration lines, each line's share of an amount-off
 * coupon), pending proration items and events, and the canonical items they stand for. Changes fall
 * on every day of the last three before the account's day and every 13 days before that, so any
 * cut-off in the last eight months has some on each side.
 */
final class MultiItemSubscriptions {
    private static final BigDecimal CORE = new BigDecimal("120.00");
    private static final BigDecimal MODULE = new BigDecimal("60.00");

    private final SyntheticStripeAccount account;
    private final LocalDate asOf;
    private final List<Product> products;
    private final List<Customer> sourceCustomers;
    private final List<Customer> customers = new ArrayList<>();
    private final List<RecurringItem> items = new ArrayList<>();
    private final Map<Case, List<Long>> changes = new EnumMap<>(Case.class);

    private MultiItemSubscriptions(SyntheticStripeAccount account, LocalDate asOf, List<Product> products,
                                   List<Customer> sourceCustomers) {
        this.account = account;
        this.asOf = asOf;
        this.products = products;
        this.sourceCustomers = sourceCustomers;
    }

    /** One subscription item over its life. */
    private static final class Item {
        final String id;
        final JsonObject price;
        final RecurringItem terms;
        final LocalDate added;
        final long addedAt;
        LocalDate removed;
        LocalDate seatChange;
        long seatsAfter;

        Item(String id, JsonObject price, RecurringItem terms, LocalDate added, long addedAt) {
            this.id = id;
            this.price = price;
            this.terms = terms;
            this.added = added;
            this.addedAt = addedAt;
        }

        long seats(LocalDate day) {
            return seatChange != null && !day.isBefore(seatChange) ? seatsAfter : terms.quantity().longValueExact();
        }

        boolean on(LocalDate day) {
            return !day.isBefore(added) && (removed == null || day.isBefore(removed));
        }

        long amount(LocalDate day) {
            return minor(terms.unitAmount(), terms.currency()) * seats(day);
        }
    }

    /** One subscription: its items, coupon and end. */
    private static final class Sub {
        final String id;
        final String customerId;
        final String currency;
        final LocalDate start;
        final int months;
        final List<Item> items = new ArrayList<>();
        final Chain chain = new Chain();
        LocalDate canceled;
        String bundle;
        long amountOff;
        long percentOff;
        JsonObject discount;
        /** The one item the coupon is on ({@code subscription_item.discounts}); null when on the subscription. */
        Item discountedItem;

        Sub(String id, String customerId, String currency, LocalDate start, int months) {
            this.id = id;
            this.customerId = customerId;
            this.currency = currency;
            this.start = start;
            this.months = months;
        }

        LocalDate cycle(int k) {
            return SyntheticStripeAccount.plus(start, BillingInterval.MONTH, months, k);
        }

        /** The start of the period {@code day} falls in. */
        LocalDate periodStart(LocalDate day) {
            int k = 0;
            while (!cycle(k + 1).isAfter(day)) {
                k++;
            }
            return cycle(k);
        }

        LocalDate periodEnd(LocalDate day) {
            return SyntheticStripeAccount.plus(periodStart(day), BillingInterval.MONTH, months, 1);
        }

        /** The discount on {@code item}'s lines: the subscription's, or its own item-level one. */
        JsonObject discountOf(Item item) {
            return discountedItem == null || discountedItem == item ? discount : null;
        }

        /** The subscription-level discount, none when the coupon is on one item. */
        JsonObject subscriptionDiscount() {
            return discountedItem == null ? discount : null;
        }

        boolean discounted(LocalDate periodStart) {
            return discount != null && (chain.discountEnd == null || periodStart.isBefore(chain.discountEnd));
        }

        /** The item's share of the amount-off coupon on {@code day}, over the items present that day. */
        long share(Item item, LocalDate day) {
            List<FixtureCoupon.Holder> present = items.stream().filter(i -> i.on(day))
                    .map(i -> new FixtureCoupon.Holder(i.id, i.added, i.amount(day))).toList();
            return FixtureCoupon.share(amountOff, present, new FixtureCoupon.Holder(item.id, item.added,
                    item.amount(day)));
        }

        /**
         * A proration's amount after the coupon (Stripe's default {@code proration_discounts=included}
         * nets it): the coupon's fraction of the period's subtotal off; only its sign is read.
         */
        long net(long gross, LocalDate periodStart) {
            if (!discounted(periodStart)) {
                return gross;
            }
            double kept = percentOff > 0 ? 1 - percentOff / 100.0 : 1 - Math.min(1.0, (double) amountOff
                    / items.stream().filter(i -> i.on(periodStart)).mapToLong(i -> i.amount(periodStart)).sum());
            return Long.signum(gross) * Math.max(1, Math.round(Math.abs(gross) * kept));
        }

        /** What the coupon takes off the item's full-period line starting {@code day}. */
        long lineDiscount(Item item, LocalDate day) {
            return percentOff > 0 ? Math.round(item.amount(day) * percentOff / 100.0) : share(item, day);
        }
    }

    /**
     * Adds {@code perCase} customers for each case to the account; returns the canonical customers
     * and items they stand for, and when each change happened.
     */
    static MultiItemSubscriptions add(SyntheticStripeAccount account, LocalDate asOf, List<Product> products,
                                      List<Customer> sourceCustomers, int perCase) {
        MultiItemSubscriptions fixture = new MultiItemSubscriptions(account, asOf, products, sourceCustomers);
        for (Case kind : Case.values()) {
            for (int i = 0; i < perCase; i++) {
                fixture.subscription(kind, i);
            }
        }
        return fixture;
    }

    List<Customer> customers() {
        return customers;
    }

    List<RecurringItem> items() {
        return items;
    }

    Map<Case, List<Long>> changes() {
        return changes;
    }

    private void subscription(Case kind, int i) {
        int offset = i % 2 == 0 ? (i / 2) % 3 : 3 + 13 * (i / 2);
        LocalDate change = asOf.minusDays(offset + (kind == Case.ITEM_REMOVED_THEN_CANCELED ? 1 : 0));
        Case change3 = kind.change();
        int months = (change3 == Case.ITEM_ADDED || change3 == Case.SEAT_CHANGE) && i % 3 == 2 ? 3 : 1;
        LocalDate start = switch (kind) {
            case AMOUNT_OFF_FOREVER, AMOUNT_OFF_UNEVEN -> change;
            case AMOUNT_OFF_REPEATING -> change.minusMonths(SyntheticStripeAccount.REPEATING_MONTHS);
            // at most about 15 months before the account's day: within the history of the generated accounts
            default -> change.minusMonths((long) months * (1 + i % 2)).minusDays(3 + i % 18);
        };
        String currency = i % 5 == 4 ? "EUR" : "USD";
        String customerId = "mi_" + kind.name().toLowerCase(Locale.ROOT) + "_" + i;
        Customer customer = new Customer(customerId, "Multi-item " + kind.name().toLowerCase(Locale.ROOT) + " " + i,
                start, sourceCustomers.get((i * 37 + kind.ordinal()) % sourceCustomers.size()).attributes());
        customers.add(customer);
        account.customerCurrency.put(customerId, currency);
        account.customer(customer, List.of());

        Sub sub = new Sub(account.id("sub"), customerId, currency, start, months);
        sub.chain.items.add(terms(sub, products.get(0), CORE, 1, start));
        long changedAt = epoch(change) + 1;
        switch (change3) {
            case ITEM_ADDED -> {
                item(sub, 0, CORE, 2 + i % 3, start);
                item(sub, 1 + i % 3, MODULE, 1 + i % 2, change);
            }
            case ITEM_REMOVED, ITEM_REMOVED_THEN_CANCELED -> {
                item(sub, 0, CORE, 2 + i % 3, start);
                item(sub, 1 + i % 3, MODULE, 1 + i % 2, start).removed = change;
                if ((i / 2) % 2 == 0) {
                    sub.bundle = "bundle_mi_" + i;
                }
                if (kind == Case.ITEM_REMOVED_THEN_CANCELED) {
                    sub.canceled = change.plusDays(1);
                }
            }
            case SEAT_CHANGE -> {
                item(sub, 0, CORE, 1, start);
                Item seats = item(sub, 1 + i % 3, MODULE, 3 + i % 4, start);
                seats.seatChange = change;
                seats.seatsAfter = i % 2 == 0 ? 5 + i % 4 : 2 + i % 4;
            }
            case AMOUNT_OFF_FOREVER, AMOUNT_OFF_REPEATING -> {
                item(sub, 0, CORE, 1, start);
                item(sub, 1 + i % 3, MODULE, 1, start);
                boolean repeating = kind == Case.AMOUNT_OFF_REPEATING;
                sub.amountOff = 1500L * (1 + i % 3);
                sub.chain.couponDuration = repeating ? "repeating" : "forever";
                if (repeating) {
                    sub.chain.discountEnd = sub.cycle(SyntheticStripeAccount.REPEATING_MONTHS);
                    changedAt = epoch(sub.chain.discountEnd) + 1;
                } else {
                    changedAt = epoch(start);
                }
                sub.discount = account.discountObject(coupon(sub), sub.id, sub.chain, start);
            }
            case AMOUNT_OFF_UNEVEN -> {
                // two items of one amount: 10.02 off 120.00 + 60.00 + 60.00 leaves a cent to a tie
                item(sub, 0, CORE, 1, start);
                item(sub, 1 + i % 3, MODULE, 1, start);
                item(sub, 1 + (i + 1) % 3, MODULE, 1, start);
                sub.amountOff = 1001 + i % 4;
                sub.chain.couponDuration = "forever";
                changedAt = epoch(start);
                sub.discount = account.discountObject(coupon(sub), sub.id, sub.chain, start);
            }
            case MANY_LINES -> {
                for (int k = 0; k < 11; k++) {
                    item(sub, k % products.size(), MODULE.add(BigDecimal.valueOf(5L * (k / products.size()))),
                            1 + k % 2, start);
                }
                item(sub, i % products.size(), MODULE.add(BigDecimal.TEN), 1, change);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        if (kind.coupon() != null) {
            // a forever coupon on the subscription from its start: 10 to 20 % off, or an amount off
            // that splits unevenly on some days
            sub.chain.couponDuration = "forever";
            if (kind.coupon().equals("percent_off")) {
                sub.percentOff = 10 + 5 * (i % 3);
            } else {
                sub.amountOff = 1500L * (1 + i % 3) + i % 2 + (i % 4 == 3 ? 1000 : 0);
            }
            sub.discount = account.discountObject(coupon(sub), sub.id, sub.chain, start);
            if (sub.percentOff > 0 && i % 4 < 2) {
                // on the item that changes only: an item-level discount, which event payloads, list
                // pages and proration lines name by id or leave out
                sub.discountedItem = sub.items.get(1);
                sub.discount.addProperty("subscription_item", sub.discountedItem.id);
            }
        }
        changes.computeIfAbsent(kind, k -> new ArrayList<>()).add(changedAt);
        write(sub);
        canonical(sub);
    }

    private RecurringItem terms(Sub sub, Product product, BigDecimal unit, long seats, LocalDate start) {
        return new RecurringItem("mi_" + sub.id + "_terms", sub.customerId, product.id(), sub.id, start, null, unit,
                BigDecimal.valueOf(seats), sub.currency, BillingInterval.MONTH, sub.months, null, null, null, null);
    }

    private Item item(Sub sub, int product, BigDecimal unit, long seats, LocalDate added) {
        RecurringItem terms = terms(sub, products.get(product % products.size()), unit, seats, added);
        // an item added to a running subscription is created the moment of the change, with its event
        long addedAt = added.equals(sub.start) ? epoch(added) : epoch(added) + 1;
        Item item = new Item(account.id("si"), account.price(terms), terms, added, addedAt);
        sub.items.add(item);
        return item;
    }

    private String coupon(Sub sub) {
        String currency = sub.currency.toLowerCase(Locale.ROOT);
        String id = "co_" + sub.chain.couponDuration + "_"
                + (sub.percentOff > 0 ? sub.percentOff + "pct" : sub.amountOff + currency);
        account.coupons.computeIfAbsent(id, k -> {
            JsonObject json = object("coupon", id);
            if (sub.percentOff > 0) {
                json.addProperty("percent_off", sub.percentOff);
            } else {
                json.addProperty("amount_off", sub.amountOff);
                json.addProperty("currency", currency);
            }
            json.addProperty("duration", sub.chain.couponDuration);
            if ("repeating".equals(sub.chain.couponDuration)) {
                json.addProperty("duration_in_months", SyntheticStripeAccount.REPEATING_MONTHS);
            }
            json.addProperty("created", account.historyStart());
            json.addProperty("valid", true);
            json.add("metadata", new JsonObject());
            return json;
        });
        return id;
    }

    /** The canonical items: one per item and run of equal seats and discount. */
    private void canonical(Sub sub) {
        for (Item item : sub.items) {
            LocalDate end = item.removed != null ? item.removed : sub.canceled;
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(item.added);
            if (item.seatChange != null) {
                cuts.add(item.seatChange);
            }
            if (sub.amountOff > 0) {
                // a share changes whenever the items present change
                for (Item other : sub.items) {
                    for (LocalDate day : java.util.Arrays.asList(other.added, other.removed, other.seatChange)) {
                        if (day != null && day.isAfter(item.added) && (end == null || day.isBefore(end))) {
                            cuts.add(day);
                        }
                    }
                }
            }
            if (sub.discount != null && sub.chain.discountEnd != null) {
                cuts.add(sub.chain.discountEnd);
            }
            List<LocalDate> starts = new ArrayList<>(cuts);
            for (int k = 0; k < starts.size(); k++) {
                LocalDate from = starts.get(k);
                LocalDate to = k + 1 < starts.size() ? starts.get(k + 1) : end;
                BigDecimal off = sub.discounted(from) && sub.amountOff > 0
                        ? io.xsell.ingestion.stripe.mapping.StripeAmounts.major(sub.share(item, from), sub.currency)
                        : null;
                BigDecimal percent = sub.discounted(from) && sub.percentOff > 0 && sub.discountOf(item) != null
                        ? BigDecimal.valueOf(sub.percentOff) : null;
                items.add(new RecurringItem("mi_" + item.id + "_" + k, sub.customerId, item.terms.productId(), sub.id,
                        from, to, item.terms.unitAmount(), BigDecimal.valueOf(item.seats(from)), sub.currency,
                        BillingInterval.MONTH, sub.months, percent, off, null, sub.bundle));
            }
        }
    }

    private void write(Sub sub) {
        // create_prorations: each mid-period change leaves pending items, billed on the next invoice
        Map<LocalDate, List<Proration>> billedOn = new HashMap<>();
        for (Item item : sub.items) {
            if (!item.added.equals(sub.start)) {
                prorate(sub, item, item.added, 0, item.seats(item.added), billedOn);
            }
            if (item.removed != null) {
                prorate(sub, item, item.removed, item.seats(item.removed), 0, billedOn);
            }
            if (item.seatChange != null) {
                prorate(sub, item, item.seatChange, item.terms.quantity().longValueExact(), item.seatsAfter, billedOn);
            }
        }
        for (int k = 0; ; k++) {
            LocalDate period = sub.cycle(k);
            if (period.isAfter(asOf) || sub.canceled != null && !period.isBefore(sub.canceled)) {
                break;
            }
            List<JsonObject> lines = new ArrayList<>();
            for (Item item : sub.items) {
                if (item.on(period)) {
                    long amount = item.amount(period);
                    JsonObject line = account.line(sub.id, item.id, item.price, state(sub, item, period), period,
                            sub.cycle(k + 1), amount, false, sub.discountOf(item),
                            sub.discounted(period) && sub.discountOf(item) != null ? sub.lineDiscount(item, period)
                                    : null);
                    if (sub.discountedItem == item && sub.discounted(period)) {
                        line.getAsJsonArray("discounts").add(sub.discount);
                    }
                    lines.add(line);
                }
            }
            List<Proration> prorations = billedOn.getOrDefault(period, List.of());
            prorations.forEach(p -> lines.add(p.line()));
            account.writeInvoice(sub.chain, sub.id, period, k == 0 ? "subscription_create" : "subscription_cycle",
                    "paid", lines, sub.subscriptionDiscount(), prorations);
            billedOn.remove(period);
        }
        // never invoiced by the account's day (or the subscription ended first): still pending
        billedOn.values().forEach(list -> list.forEach(p -> account.add(StripeObjectType.INVOICE_ITEM, p.item())));
        subscriptionHistory(sub);
    }

    /** The credit for the unused time at {@code before} seats and the charge for the rest at {@code after}. */
    private void prorate(Sub sub, Item item, LocalDate change, long before, long after,
                         Map<LocalDate, List<Proration>> billedOn) {
        LocalDate from = sub.periodStart(change);
        LocalDate to = sub.periodEnd(change);
        if (from.equals(change)) {
            throw new IllegalStateException("a fixture change falls mid-period, not on " + change);
        }
        double fraction = (double) (to.toEpochDay() - change.toEpochDay()) / (to.toEpochDay() - from.toEpochDay());
        long unit = minor(item.terms.unitAmount(), sub.currency);
        List<Proration> prorations = billedOn.computeIfAbsent(to, d -> new ArrayList<>());
        // Stripe's default shape: the discounts named by id, with amount 0, on a net amount
        JsonObject discount = sub.discounted(from) ? sub.discountOf(item) : null;
        Long named = discount == null ? null : 0L;
        if (before > 0) {
            prorations.add(account.proration(sub.chain, sub.id, item.id, item.price, discount,
                    withSeats(item, before, from), change, to,
                    sub.net(-Math.max(1, Math.round(unit * before * fraction)), from), named));
        }
        if (after > 0) {
            prorations.add(account.proration(sub.chain, sub.id, item.id, item.price, discount,
                    withSeats(item, after, from), change, to,
                    sub.net(Math.max(1, Math.round(unit * after * fraction)), from), named));
        }
    }

    private RecurringItem state(Sub sub, Item item, LocalDate day) {
        return withSeats(item, item.seats(day), sub.start);
    }

    private static RecurringItem withSeats(Item item, long seats, LocalDate start) {
        RecurringItem t = item.terms;
        return new RecurringItem(t.id(), t.customerId(), t.productId(), t.subscriptionId(), start, null,
                t.unitAmount(), BigDecimal.valueOf(seats), t.currency(), t.interval(), t.intervalCount(), null, null,
                null, null);
    }

    /** The subscription's object, its creation and an event for each day it changed. */
    private void subscriptionHistory(Sub sub) {
        java.util.function.Function<LocalDate, JsonObject> at = day -> subscriptionOn(sub, day);
        account.add(StripeObjectType.SUBSCRIPTION, at.apply(asOf));
        account.renderers.put(sub.id, at);
        account.publish("customer.subscription.created", StripeObjectType.SUBSCRIPTION, epoch(sub.start),
                at.apply(sub.start), null);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Item item : sub.items) {
            days.add(item.added);
            if (item.removed != null) {
                days.add(item.removed);
            }
            if (item.seatChange != null) {
                days.add(item.seatChange);
            }
        }
        if (sub.discount != null && sub.chain.discountEnd != null) {
            days.add(sub.chain.discountEnd);
        }
        if (sub.canceled != null) {
            days.add(sub.canceled);
        }
        for (LocalDate day : days) {
            if (!day.isAfter(sub.start) || day.isAfter(asOf)) {
                continue;
            }
            JsonObject before = at.apply(day.minusDays(1));
            JsonObject after = at.apply(day);
            JsonObject previous = StripeJson.previousAttributes(before, after);
            boolean deleted = "canceled".equals(after.get("status").getAsString()) && previous.has("status");
            account.publish(deleted ? "customer.subscription.deleted" : "customer.subscription.updated",
                    StripeObjectType.SUBSCRIPTION, epoch(day) + 1, after, deleted ? null : previous);
        }
    }

    private JsonObject subscriptionOn(Sub sub, LocalDate day) {
        boolean ended = sub.canceled != null && !day.isBefore(sub.canceled);
        // a canceled subscription lists the items it had when it ended
        LocalDate listed = ended ? sub.canceled.minusDays(1) : day;
        JsonObject json = object("subscription", sub.id);
        json.addProperty("customer", "cus_" + sub.customerId);
        json.addProperty("created", epoch(sub.start));
        json.addProperty("start_date", epoch(sub.start));
        json.addProperty("billing_cycle_anchor", epoch(sub.start));
        json.addProperty("collection_method", "charge_automatically");
        json.addProperty("currency", sub.currency.toLowerCase(Locale.ROOT));
        json.addProperty("status", ended ? "canceled" : "active");
        json.addProperty("cancel_at_period_end", false);
        nullable(json, "cancel_at", (Long) null);
        nullable(json, "canceled_at", ended ? epoch(sub.canceled) : null);
        nullable(json, "ended_at", ended ? epoch(sub.canceled) : null);
        nullable(json, "trial_start", (Long) null);
        nullable(json, "trial_end", (Long) null);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (sub.bundle != null) {
            metadata.put("bundle_id", sub.bundle);
        }
        json.add("metadata", StripeJson.metadata(metadata));
        JsonArray discounts = new JsonArray();
        if (!ended && sub.subscriptionDiscount() != null
                && (sub.chain.discountEnd == null || day.isBefore(sub.chain.discountEnd))) {
            discounts.add(sub.discount);
        }
        json.add("discounts", discounts);
        List<JsonObject> listedItems = new ArrayList<>();
        for (Item item : sub.items) {
            if (!item.on(listed)) {
                continue;
            }
            JsonObject entry = object("subscription_item", item.id);
            entry.addProperty("created", item.addedAt);
            entry.add("price", item.price);
            entry.addProperty("quantity", item.seats(listed));
            entry.addProperty("subscription", sub.id);
            entry.addProperty("current_period_start", epoch(sub.periodStart(listed)));
            entry.addProperty("current_period_end", epoch(sub.periodEnd(listed)));
            entry.add("metadata", new JsonObject());
            JsonArray itemDiscounts = new JsonArray();
            if (sub.discountedItem == item) {
                itemDiscounts.add(sub.discount);
            }
            entry.add("discounts", itemDiscounts);
            listedItems.add(entry);
        }
        json.add("items", StripeJson.list("/v1/subscription_items?subscription=" + sub.id, listedItems));
        return json;
    }
}
