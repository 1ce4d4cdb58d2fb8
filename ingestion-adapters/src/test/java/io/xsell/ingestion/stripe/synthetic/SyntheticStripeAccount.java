package io.xsell.ingestion.stripe.synthetic;

import static io.xsell.ingestion.stripe.mapping.StripeAmounts.epoch;
import static io.xsell.ingestion.stripe.mapping.StripeAmounts.minor;
import static io.xsell.ingestion.stripe.synthetic.StripeJson.nullable;
import static io.xsell.ingestion.stripe.synthetic.StripeJson.object;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.stripe.StripeObjectType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The same account twice: as canonical data and as the Stripe objects a Stripe account holding it
 * would return. Built from a canonical dataset (the synthetic generator's) by giving each run of
 * one product for one customer its own Stripe subscription and billing it cycle by cycle as Stripe
 * does (trial invoice, invoices in advance, prorations on mid-period changes, cancellations at
 * {@code ended_at}). It then adds what only Stripe has, changing the canonical side to match:
 * repeating coupons that expire (the item is split where the discount stops), {@code once}
 * coupons (no canonical effect), {@code past_due}, {@code unpaid}, {@code paused} and
 * {@code cancel_at_period_end} subscriptions.
 */
public final class SyntheticStripeAccount implements StripeAccountObjects {
    private static final String ONCE_COUPON = "co_welcome_once_50";
    static final int REPEATING_MONTHS = 3;

    private final TenantDataset source;
    private final LocalDate asOf;
    private final SplittableRandom random;
    private final List<RecurringItem> canonicalItems = new ArrayList<>();
    private final Map<StripeObjectType, List<StripeFakeObject>> objects = new EnumMap<>(StripeObjectType.class);
    private final Map<String, JsonObject> prices = new LinkedHashMap<>();
    final Map<String, JsonObject> coupons = new LinkedHashMap<>();
    final Map<String, String> customerCurrency = new HashMap<>();
    private final List<StripeFakeEvent> history = new ArrayList<>();
    final Map<String, java.util.function.Function<LocalDate, JsonObject>> renderers = new HashMap<>();
    private TenantDataset canonical;
    private Map<MultiItemCoverage.Case, List<Long>> multiItems;
    private int nextId = 1;

    private SyntheticStripeAccount(TenantDataset source, LocalDate asOf, long seed) {
        this.source = source;
        this.asOf = asOf;
        this.random = new SplittableRandom(seed);
        for (StripeObjectType type : StripeObjectType.values()) {
            objects.put(type, new ArrayList<>());
        }
    }

    /**
     * @param asOf the day the Stripe account is looked at: invoices exist for periods begun by then
     */
    public static SyntheticStripeAccount of(TenantDataset source, LocalDate asOf, long seed) {
        SyntheticStripeAccount account = new SyntheticStripeAccount(Objects.requireNonNull(source), asOf, seed);
        account.build();
        return account;
    }

    /** The canonical data of the same account: write it as CSV to compare with what a sync maps. */
    public TenantDataset canonical() {
        return canonical;
    }

    /** The customers with several items per subscription, case by case (issue 12), and their invoices' lengths. */
    public MultiItemCoverage multiItemCoverage() {
        int overTen = 0;
        for (StripeFakeObject invoice : objects.get(StripeObjectType.INVOICE)) {
            if (com.google.gson.JsonParser.parseString(invoice.json()).getAsJsonObject().getAsJsonObject("lines")
                    .getAsJsonArray("data").size() > 10) {
                overTen++;
            }
        }
        return new MultiItemCoverage(multiItems, overTen);
    }

    /** Newest first, as Stripe lists them (created descending): the account on its {@code asOf} day. */
    @Override
    public List<StripeFakeObject> objects(StripeObjectType type) {
        return objects.get(type);
    }

    /**
     * The account as it stood just before {@code instant} (a Unix time): only the objects created
     * by then, each in the state it had then (a subscription with its status, item quantity,
     * periods and discounts of that day; an invoice as draft, open or paid; a proration invoice
     * item still pending when its invoice came later).
     */
    public StripeAccountObjects asOf(long instant) {
        Map<StripeObjectType, Map<String, StripeFakeEvent>> latest = new EnumMap<>(StripeObjectType.class);
        for (StripeFakeEvent event : history) {
            if (event.created() >= instant) {
                continue;
            }
            latest.computeIfAbsent(event.objectType(), t -> new LinkedHashMap<>()).merge(event.objectId(), event,
                    (old, now) -> now.created() >= old.created() ? now : old);
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(instant - 1, 86_400L));
        Map<StripeObjectType, List<StripeFakeObject>> state = new EnumMap<>(StripeObjectType.class);
        for (StripeObjectType type : StripeObjectType.values()) {
            List<StripeFakeObject> list = new ArrayList<>();
            for (StripeFakeEvent event : latest.getOrDefault(type, Map.of()).values()) {
                String json = renderers.containsKey(event.objectId())
                        ? renderers.get(event.objectId()).apply(day).toString() : event.objectJson();
                list.add(new StripeFakeObject(event.objectId(),
                        com.google.gson.JsonParser.parseString(json).getAsJsonObject().get("created").getAsLong(),
                        json));
            }
            list.sort(Comparator.comparingLong(StripeFakeObject::created).reversed()
                    .thenComparing(StripeFakeObject::id, Comparator.reverseOrder()));
            state.put(type, List.copyOf(list));
        }
        return state::get;
    }

    /** What happened at or after {@code instant}, oldest first, as the events Stripe publishes. */
    public List<StripeFakeEvent> eventsFrom(long instant) {
        return history.stream().filter(e -> e.created() >= instant)
                .sorted(Comparator.comparingLong(StripeFakeEvent::created)).toList();
    }

    void publish(String type, StripeObjectType objectType, long created, JsonObject object,
                         JsonObject previousAttributes) {
        history.add(new StripeFakeEvent("evt_" + Integer.toString(history.size() + 1, 36) + "X" + created, type,
                objectType, object.get("id").getAsString(), created, object.toString(), previousAttributes));
    }

    private void build() {
        for (Product product : source.products()) {
            product(product);
        }
        Map<String, List<RecurringItem>> byCustomer = new LinkedHashMap<>();
        for (RecurringItem item : source.items()) {
            byCustomer.computeIfAbsent(item.customerId(), c -> new ArrayList<>()).add(item);
        }
        for (Customer customer : source.customers()) {
            List<RecurringItem> items = byCustomer.getOrDefault(customer.id(), List.of());
            if (!items.isEmpty()) {
                customerCurrency.put(customer.id(), items.get(0).currency());
            }
            customer(customer, items);
            for (Chain chain : chains(items)) {
                subscription(chain);
            }
        }
        for (OneTimeCharge charge : source.charges()) {
            invoiceItem(charge);
        }
        MultiItemSubscriptions multi = MultiItemSubscriptions.add(this, asOf, source.products(), source.customers(),
                source.customers().isEmpty() ? 0 : Math.max(2, source.customers().size() / 50));
        multiItems = multi.changes();
        prices.values().forEach(p -> created(StripeObjectType.PRICE, "price.created", p));
        coupons.values().forEach(c -> created(StripeObjectType.COUPON, "coupon.created", c));
        objects.values().forEach(list -> list.sort(Comparator.comparingLong(StripeFakeObject::created).reversed()
                .thenComparing(StripeFakeObject::id, Comparator.reverseOrder())));
        List<Customer> customers = new ArrayList<>(source.customers());
        customers.addAll(multi.customers());
        canonicalItems.addAll(multi.items());
        canonical = TenantDataset.of(source.reportingCurrency(), customers, source.products(), canonicalItems,
                source.charges(), source.rates());
    }

    String id(String prefix) {
        return prefix + "_" + Integer.toString(nextId++, 36) + "X" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    void add(StripeObjectType type, JsonObject json) {
        objects.get(type).add(new StripeFakeObject(json.get("id").getAsString(), json.get("created").getAsLong(),
                json.toString()));
    }

    private void created(StripeObjectType type, String eventType, JsonObject json) {
        add(type, json);
        publish(eventType, type, json.get("created").getAsLong(), json, null);
    }

    long historyStart() {
        LocalDate first = asOf;
        for (RecurringItem item : source.items()) {
            if (item.startDate().isBefore(first)) {
                first = item.startDate();
            }
        }
        return epoch(first.minusDays(1));
    }

    private void product(Product product) {
        JsonObject json = object("product", "prod_" + product.id());
        json.addProperty("active", true);
        json.addProperty("created", historyStart());
        json.addProperty("name", product.name() == null ? product.id() : product.name());
        json.addProperty("type", "service");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("product_line", product.productLine());
        metadata.put("kind", product.kind().code());
        if (product.grossMargin() != null) {
            metadata.put("gross_margin", product.grossMargin().toPlainString());
        }
        json.add("metadata", StripeJson.metadata(metadata));
        created(StripeObjectType.PRODUCT, "product.created", json);
    }

    void customer(Customer customer, List<RecurringItem> items) {
        JsonObject json = object("customer", "cus_" + customer.id());
        LocalDate created = customer.createdAt() != null ? customer.createdAt()
                : items.isEmpty() ? asOf : items.get(0).startDate();
        json.addProperty("created", epoch(created));
        nullable(json, "name", customer.name());
        json.addProperty("email", "billing+" + customer.id() + "@example.com");
        String currency = customerCurrency.get(customer.id());
        nullable(json, "currency", currency == null ? null : currency.toLowerCase(Locale.ROOT));
        json.addProperty("delinquent", false);
        json.addProperty("balance", 0);
        json.add("metadata", StripeJson.metadata(customer.attributes()));
        created(StripeObjectType.CUSTOMER, "customer.created", json);
    }

    // ---- chains: one product held by one customer without a break in terms ----

    static final class Chain {
        final List<RecurringItem> items = new ArrayList<>();
        LocalDate trialEnd;
        LocalDate end;
        String status = "active";
        /** Null for none; else forever, repeating or once. */
        String couponDuration;
        LocalDate discountEnd;
        boolean cancelAtPeriodEnd;

        RecurringItem first() {
            return items.get(0);
        }

        RecurringItem last() {
            return items.get(items.size() - 1);
        }
    }

    private static List<Chain> chains(List<RecurringItem> items) {
        List<RecurringItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(RecurringItem::startDate).thenComparing(RecurringItem::id));
        List<Chain> chains = new ArrayList<>();
        for (RecurringItem item : sorted) {
            Chain continued = null;
            for (Chain chain : chains) {
                if (continues(chain, item)) {
                    continued = chain;
                    break;
                }
            }
            if (continued == null) {
                continued = new Chain();
                continued.trialEnd = item.trialEnd();
                chains.add(continued);
                continued.items.add(item);
            } else if (continued.last().quantity().compareTo(item.quantity()) == 0) {
                // a change to the same quantity does not exist in Stripe: one item runs on
                RecurringItem last = continued.last();
                continued.items.set(continued.items.size() - 1, copy(last, last.startDate(), item.endDate(),
                        last.discountPercent(), last.discountAmount()));
            } else {
                continued.items.add(item);
            }
            continued.end = item.endDate();
        }
        return chains;
    }

    /** Same price and terms, starting the day the chain's last item ends: a quantity change. */
    private static boolean continues(Chain chain, RecurringItem next) {
        RecurringItem last = chain.last();
        LocalDate expectedTrial = chain.trialEnd != null && chain.trialEnd.isAfter(next.startDate()) ? chain.trialEnd
                : null;
        return next.startDate().equals(last.endDate())
                && Objects.equals(last.subscriptionId(), next.subscriptionId())
                && last.productId().equals(next.productId())
                && last.unitAmount().compareTo(next.unitAmount()) == 0
                && last.currency().equals(next.currency())
                && last.interval() == next.interval() && last.intervalCount() == next.intervalCount()
                && equal(last.discountPercent(), next.discountPercent())
                && equal(last.discountAmount(), next.discountAmount())
                && Objects.equals(last.bundleId(), next.bundleId())
                && Objects.equals(expectedTrial, next.trialEnd());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    // ---- billing cycles ----

    static LocalDate plus(LocalDate anchor, BillingInterval interval, int count, int k) {
        return switch (interval) {
            case DAY -> anchor.plusDays((long) k * count);
            case WEEK -> anchor.plusWeeks((long) k * count);
            case MONTH -> anchor.plusMonths((long) k * count);
            case QUARTER -> anchor.plusMonths(3L * k * count);
            case YEAR -> anchor.plusYears((long) k * count);
        };
    }

    /** Period starts from the anchor up to {@code until} (exclusive), plus the first one at or after it. */
    private static List<LocalDate> cycles(LocalDate anchor, RecurringItem item, LocalDate until) {
        List<LocalDate> starts = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate start = plus(anchor, item.interval(), item.intervalCount(), k);
            starts.add(start);
            if (!start.isBefore(until)) {
                return starts;
            }
        }
    }

    private void subscription(Chain chain) {
        RecurringItem first = chain.first();
        LocalDate start = first.startDate();
        LocalDate anchor = chain.trialEnd != null ? chain.trialEnd : start;
        LocalDate horizon = asOf.plusDays(1);
        decideExtras(chain, anchor, cycles(anchor, first, chain.end != null ? chain.end : horizon));
        // Stripe keeps invoicing an unpaid subscription and one set to cancel at the period end
        LocalDate stop = "canceled".equals(chain.status) || "paused".equals(chain.status) ? chain.end : horizon;
        List<LocalDate> cycles = cycles(anchor, first, stop.isAfter(anchor) ? stop : anchor.plusDays(1));

        String subscriptionId = id("sub");
        String itemId = id("si");
        JsonObject price = price(first);
        String couponId = coupon(chain);
        JsonObject discount = couponId == null ? null : discountObject(couponId, subscriptionId, chain, start);

        // Stripe's default proration_behavior=create_prorations: a mid-period change leaves pending
        // invoice items (credit for the unused time, charge for the remaining time), billed on the
        // next invoice of the cycle
        Map<LocalDate, List<Proration>> pending = new HashMap<>();
        for (int i = 1; i < chain.items.size(); i++) {
            RecurringItem before = chain.items.get(i - 1);
            RecurringItem after = chain.items.get(i);
            LocalDate change = after.startDate();
            if (change.isBefore(anchor) || change.isAfter(asOf) || cycles.contains(change)) {
                continue; // no proration inside a trial or on a period boundary
            }
            LocalDate periodEnd = cycles.stream().filter(c -> c.isAfter(change)).findFirst().orElseThrow();
            pending.computeIfAbsent(periodEnd, k -> new ArrayList<>()).addAll(prorations(chain, subscriptionId,
                    itemId, price, discount, change, periodEnd, before, after));
        }

        // invoices: the trial, then each period begun by asOf with the prorations pending by then
        if (chain.trialEnd != null) {
            invoice(chain, subscriptionId, itemId, price, discount, start, chain.trialEnd, itemAt(chain, start),
                    false, true, "subscription_create", "paid", List.of());
        }
        LocalDate lastInvoiced = null;
        for (int k = 0; k + 1 < cycles.size(); k++) {
            LocalDate periodStart = cycles.get(k);
            if (periodStart.isAfter(asOf) || !periodStart.isBefore(stop)) {
                break;
            }
            boolean last = cycles.get(k + 1).isAfter(asOf);
            String status = last && ("past_due".equals(chain.status) || "unpaid".equals(chain.status)) ? "open" : "paid";
            boolean firstPaid = k == 0 && chain.trialEnd == null;
            invoice(chain, subscriptionId, itemId, price, discount, periodStart, cycles.get(k + 1),
                    itemAt(chain, periodStart), firstPaid, false,
                    firstPaid ? "subscription_create" : "subscription_cycle", status,
                    Objects.requireNonNullElse(pending.remove(periodStart), List.of()));
            lastInvoiced = periodStart;
        }
        for (List<Proration> items : pending.values()) {
            items.forEach(p -> add(StripeObjectType.INVOICE_ITEM, p.item()));
        }

        LocalDate delinquentFrom = lastInvoiced;
        java.util.function.Function<LocalDate, JsonObject> at = day -> subscriptionAt(chain, day, subscriptionId,
                itemId, price, discount, anchor, cycles, delinquentFrom);
        add(StripeObjectType.SUBSCRIPTION, at.apply(asOf));
        renderers.put(subscriptionId, at);
        publish("customer.subscription.created", StripeObjectType.SUBSCRIPTION, epoch(start), at.apply(start), null);
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        chain.items.stream().skip(1).map(RecurringItem::startDate).forEach(days::add);
        java.util.stream.Stream.of(chain.trialEnd, chain.discountEnd, chain.end, delinquentFrom,
                chain.cancelAtPeriodEnd ? asOf : null).filter(Objects::nonNull).forEach(days::add);
        for (LocalDate day : days) {
            if (!day.isAfter(start) || day.isAfter(asOf)) {
                continue;
            }
            JsonObject before = at.apply(day.minusDays(1));
            JsonObject after = at.apply(day);
            JsonObject previous = StripeJson.previousAttributes(before, after);
            if (previous.size() == 0) {
                continue;
            }
            String status = after.get("status").getAsString();
            boolean statusChanged = previous.has("status");
            String type = statusChanged && "canceled".equals(status) ? "customer.subscription.deleted"
                    : statusChanged && "paused".equals(status) ? "customer.subscription.paused"
                    : "customer.subscription.updated";
            publish(type, StripeObjectType.SUBSCRIPTION, epoch(day) + 1, after,
                    type.endsWith(".updated") ? previous : null);
        }
        // some seat changes are made by a subscription schedule: one phase per quantity (not drawn
        // from the random stream, so the rest of the account stays as it was)
        if (chain.items.size() > 1 && "active".equals(chain.status) && !chain.cancelAtPeriodEnd
                && Math.floorMod(subscriptionId.hashCode(), 3) == 0) {
            schedule(chain, subscriptionId, price);
        }
    }

    private void schedule(Chain chain, String subscriptionId, JsonObject price) {
        String scheduleId = "sub_sched_" + subscriptionId.substring(4);
        RecurringItem last = chain.last();
        LocalDate releasedOn = plus(last.startDate(), BillingInterval.MONTH, 1, 1);
        java.util.function.Function<LocalDate, JsonObject> at = day -> scheduleAt(chain, scheduleId, subscriptionId,
                price, releasedOn, day);
        LocalDate start = chain.first().startDate();
        add(StripeObjectType.SUBSCRIPTION_SCHEDULE, at.apply(asOf));
        renderers.put(scheduleId, at);
        publish("subscription_schedule.created", StripeObjectType.SUBSCRIPTION_SCHEDULE, epoch(start), at.apply(start),
                null);
        for (RecurringItem item : chain.items.subList(1, chain.items.size())) {
            LocalDate day = item.startDate();
            if (!day.isAfter(asOf)) {
                JsonObject previous = new JsonObject();
                previous.add("current_phase", at.apply(day.minusDays(1)).get("current_phase"));
                publish("subscription_schedule.updated", StripeObjectType.SUBSCRIPTION_SCHEDULE, epoch(day) + 2,
                        at.apply(day), previous);
            }
        }
        if (!releasedOn.isAfter(asOf)) {
            publish("subscription_schedule.released", StripeObjectType.SUBSCRIPTION_SCHEDULE, epoch(releasedOn) + 2,
                    at.apply(releasedOn), null);
        }
    }

    /** The schedule on {@code day}: one phase per quantity, released a month into its last phase. */
    private JsonObject scheduleAt(Chain chain, String scheduleId, String subscriptionId, JsonObject price,
                                  LocalDate releasedOn, LocalDate day) {
        boolean released = !day.isBefore(releasedOn);
        JsonObject json = object("subscription_schedule", scheduleId);
        json.add("application", com.google.gson.JsonNull.INSTANCE);
        json.add("canceled_at", com.google.gson.JsonNull.INSTANCE);
        json.add("completed_at", com.google.gson.JsonNull.INSTANCE);
        json.addProperty("created", epoch(chain.first().startDate()));
        json.addProperty("customer", "cus_" + chain.first().customerId());
        json.addProperty("end_behavior", "release");
        json.add("metadata", new JsonObject());
        JsonArray phases = new JsonArray();
        JsonObject current = null;
        for (int i = 0; i < chain.items.size(); i++) {
            RecurringItem item = chain.items.get(i);
            LocalDate end = i + 1 < chain.items.size() ? chain.items.get(i + 1).startDate() : releasedOn;
            JsonObject phase = new JsonObject();
            phase.add("add_invoice_items", new JsonArray());
            phase.addProperty("currency", item.currency().toLowerCase(Locale.ROOT));
            phase.add("discounts", new JsonArray());
            phase.addProperty("end_date", epoch(end));
            JsonObject phaseItem = new JsonObject();
            phaseItem.add("discounts", new JsonArray());
            phaseItem.add("metadata", new JsonObject());
            phaseItem.addProperty("price", price.get("id").getAsString());
            phaseItem.addProperty("quantity", item.quantity().longValueExact());
            phaseItem.add("tax_rates", new JsonArray());
            JsonArray items = new JsonArray();
            items.add(phaseItem);
            phase.add("items", items);
            phase.add("metadata", new JsonObject());
            phase.addProperty("proration_behavior", "create_prorations");
            phase.addProperty("start_date", epoch(item.startDate()));
            phase.add("trial_end", com.google.gson.JsonNull.INSTANCE);
            phases.add(phase);
            if (!released && !day.isBefore(item.startDate()) && day.isBefore(end)) {
                current = new JsonObject();
                current.addProperty("start_date", epoch(item.startDate()));
                current.addProperty("end_date", epoch(end));
            }
        }
        json.add("current_phase", current == null ? com.google.gson.JsonNull.INSTANCE : current);
        json.add("phases", phases);
        nullable(json, "released_at", released ? epoch(releasedOn) : null);
        nullable(json, "released_subscription", released ? subscriptionId : null);
        json.addProperty("status", released ? "released" : "active");
        nullable(json, "subscription", released ? null : subscriptionId);
        json.add("test_clock", com.google.gson.JsonNull.INSTANCE);
        return json;
    }

    /** The subscription as Stripe returned it on {@code day}: status, cancellation, discounts and its item then. */
    private JsonObject subscriptionAt(Chain chain, LocalDate day, String subscriptionId, String itemId,
                                      JsonObject price, JsonObject discount, LocalDate anchor, List<LocalDate> cycles,
                                      LocalDate delinquentFrom) {
        RecurringItem first = chain.first();
        LocalDate start = first.startDate();
        String status = chain.trialEnd != null && day.isBefore(chain.trialEnd) ? "trialing" : "active";
        boolean reached = chain.end != null && !day.isBefore(chain.end);
        switch (chain.status) {
            case "canceled", "paused" -> status = reached ? chain.status : status;
            case "unpaid" -> status = reached ? "unpaid" : status;
            case "past_due" -> status = delinquentFrom != null && !day.isBefore(delinquentFrom) ? "past_due" : status;
            case "trialing" -> status = "trialing";
            default -> {
            }
        }
        boolean ended = "canceled".equals(status);
        boolean cancelRequested = chain.cancelAtPeriodEnd && !day.isBefore(asOf);

        JsonObject json = object("subscription", subscriptionId);
        json.addProperty("customer", "cus_" + first.customerId());
        json.addProperty("created", epoch(start));
        json.addProperty("start_date", epoch(start));
        json.addProperty("billing_cycle_anchor", epoch(anchor));
        json.addProperty("collection_method", "charge_automatically");
        json.addProperty("currency", first.currency().toLowerCase(Locale.ROOT));
        json.addProperty("status", status);
        json.addProperty("cancel_at_period_end", cancelRequested);
        nullable(json, "cancel_at", cancelRequested ? epoch(chain.end) : null);
        Long canceledAt = ended ? Long.valueOf(epoch(chain.end)) : cancelRequested ? Long.valueOf(epoch(asOf)) : null;
        nullable(json, "canceled_at", canceledAt);
        nullable(json, "ended_at", ended ? epoch(chain.end) : null);
        nullable(json, "trial_start", chain.trialEnd == null ? null : epoch(start));
        nullable(json, "trial_end", chain.trialEnd == null ? null : epoch(chain.trialEnd));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (first.bundleId() != null) {
            metadata.put("bundle_id", first.bundleId());
        }
        json.add("metadata", StripeJson.metadata(metadata));
        JsonArray discounts = new JsonArray();
        boolean discountCurrent = discount != null && !"once".equals(chain.couponDuration)
                && (chain.discountEnd == null || chain.discountEnd.isAfter(day)) && !ended;
        if (discountCurrent) {
            discounts.add(discount);
        }
        json.add("discounts", discounts);

        RecurringItem current = itemAt(chain, day);
        LocalDate currentStart = cycles.stream().filter(c -> !c.isAfter(day)).reduce((a, b) -> b).orElse(start);
        JsonObject item = object("subscription_item", itemId);
        item.addProperty("created", epoch(start));
        item.add("price", price);
        item.addProperty("quantity", current.quantity().longValueExact());
        item.addProperty("subscription", subscriptionId);
        item.addProperty("current_period_start", epoch(currentStart));
        item.addProperty("current_period_end", epoch(cycles.stream().filter(c -> c.isAfter(day)).findFirst()
                .orElse(plus(currentStart, first.interval(), first.intervalCount(), 1))));
        item.add("metadata", new JsonObject());
        item.add("discounts", new JsonArray());
        json.add("items", StripeJson.list("/v1/subscription_items?subscription=" + subscriptionId, List.of(item)));
        return json;
    }

    /**
     * Adds what only Stripe has to some chains, and changes the canonical items to match. Each
     * choice keeps the chain's canonical meaning exact on both sides.
     */
    private void decideExtras(Chain chain, LocalDate anchor, List<LocalDate> cycles) {
        RecurringItem first = chain.first();
        double dice = random.nextDouble();
        if (first.discountPercent() != null || first.discountAmount() != null) {
            chain.couponDuration = "forever";
            LocalDate expiry = anchor.plusMonths(REPEATING_MONTHS);
            if (first.discountPercent() != null && chain.trialEnd == null && first.interval() == BillingInterval.MONTH
                    && first.intervalCount() == 1 && dice < 0.4 && !expiry.isAfter(asOf)
                    && (chain.end == null || expiry.isBefore(chain.end))) {
                chain.couponDuration = "repeating";
                chain.discountEnd = expiry;
            }
        } else if (chain.trialEnd == null && dice < 0.08) {
            chain.couponDuration = "once";
        }
        double state = random.nextDouble();
        LocalDate currentStart = cycles.stream().filter(c -> !c.isAfter(asOf)).reduce((a, b) -> b).orElse(null);
        LocalDate nextStart = cycles.stream().filter(c -> c.isAfter(asOf)).findFirst().orElse(null);
        List<RecurringItem> items = new ArrayList<>(chain.items);
        if (chain.end != null) {
            chain.status = "canceled";
        } else if (chain.trialEnd != null && chain.trialEnd.isAfter(asOf)) {
            chain.status = "trialing";
        } else if (state < 0.03) {
            chain.status = "past_due";
        } else if (state < 0.05 && currentStart != null && currentStart.isAfter(chain.last().startDate())
                && currentStart.isAfter(anchor)) {
            chain.status = "unpaid";
            chain.end = currentStart;
        } else if (state < 0.08 && nextStart != null) {
            chain.cancelAtPeriodEnd = true;
            chain.end = nextStart;
        } else if (state < 0.12 && chain.trialEnd != null && items.size() == 1 && chain.couponDuration == null) {
            chain.status = "paused";
            chain.end = chain.trialEnd;
        }
        if (chain.end != null && chain.last().endDate() == null) {
            RecurringItem last = chain.last();
            items.set(items.size() - 1, copy(last, last.startDate(), chain.end, last.discountPercent(),
                    last.discountAmount()));
        }
        chain.items.clear();
        chain.items.addAll(items);
        for (RecurringItem item : items) {
            if ("repeating".equals(chain.couponDuration)) {
                LocalDate split = chain.discountEnd;
                if (!item.startDate().isBefore(split)) {
                    canonicalItems.add(copy(item, item.startDate(), item.endDate(), null, null));
                } else if (item.endDate() == null || item.endDate().isAfter(split)) {
                    canonicalItems.add(copy(item, item.startDate(), split, item.discountPercent(), null));
                    canonicalItems.add(copy(item, split, item.endDate(), null, null, item.id() + "b"));
                } else {
                    canonicalItems.add(item);
                }
            } else {
                canonicalItems.add(item);
            }
        }
    }

    private static RecurringItem copy(RecurringItem item, LocalDate start, LocalDate end, BigDecimal percent,
                                      BigDecimal amount) {
        return copy(item, start, end, percent, amount, item.id());
    }

    private static RecurringItem copy(RecurringItem item, LocalDate start, LocalDate end, BigDecimal percent,
                                      BigDecimal amount, String id) {
        LocalDate trial = item.trialEnd() != null && item.trialEnd().isAfter(start) ? item.trialEnd() : null;
        return new RecurringItem(id, item.customerId(), item.productId(), item.subscriptionId(), start, end,
                item.unitAmount(), item.quantity(), item.currency(), item.interval(), item.intervalCount(), percent,
                amount, trial, item.bundleId());
    }

    private static RecurringItem itemAt(Chain chain, LocalDate day) {
        RecurringItem found = chain.first();
        for (RecurringItem item : chain.items) {
            if (!item.startDate().isAfter(day)) {
                found = item;
            }
        }
        return found;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    JsonObject price(RecurringItem item) {
        BillingInterval interval = item.interval() == BillingInterval.QUARTER ? BillingInterval.MONTH : item.interval();
        int count = item.interval() == BillingInterval.QUARTER ? 3 * item.intervalCount() : item.intervalCount();
        String key = item.productId() + "|" + item.unitAmount().toPlainString() + "|" + item.currency() + "|"
                + interval + "|" + count;
        return prices.computeIfAbsent(key, k -> {
            JsonObject json = object("price", "price_" + Integer.toString(prices.size() + 1, 36) + "_"
                    + item.productId());
            json.addProperty("active", true);
            json.addProperty("billing_scheme", "per_unit");
            json.addProperty("created", historyStart());
            json.addProperty("currency", item.currency().toLowerCase(Locale.ROOT));
            json.addProperty("product", "prod_" + item.productId());
            json.addProperty("type", "recurring");
            json.addProperty("unit_amount", minor(item.unitAmount(), item.currency()));
            json.addProperty("unit_amount_decimal", Long.toString(minor(item.unitAmount(), item.currency())));
            JsonObject recurring = new JsonObject();
            recurring.addProperty("interval", interval.code());
            recurring.addProperty("interval_count", count);
            recurring.addProperty("usage_type", "licensed");
            json.add("recurring", recurring);
            json.add("metadata", new JsonObject());
            json.addProperty("tax_behavior", "exclusive");
            return json;
        });
    }

    private String coupon(Chain chain) {
        if (chain.couponDuration == null) {
            return null;
        }
        RecurringItem item = chain.first();
        String id;
        JsonObject json;
        if ("once".equals(chain.couponDuration)) {
            id = ONCE_COUPON;
            json = object("coupon", id);
            json.addProperty("percent_off", 50);
        } else if (item.discountPercent() != null) {
            id = "co_" + chain.couponDuration + "_" + item.discountPercent().stripTrailingZeros().toPlainString()
                    .replace('.', '_') + "pct";
            json = object("coupon", id);
            json.addProperty("percent_off", item.discountPercent());
        } else {
            long cents = minor(item.discountAmount(), item.currency());
            id = "co_" + chain.couponDuration + "_" + cents + item.currency().toLowerCase(Locale.ROOT);
            json = object("coupon", id);
            json.addProperty("amount_off", cents);
            json.addProperty("currency", item.currency().toLowerCase(Locale.ROOT));
        }
        json.addProperty("duration", chain.couponDuration);
        if ("repeating".equals(chain.couponDuration)) {
            json.addProperty("duration_in_months", REPEATING_MONTHS);
        }
        json.addProperty("created", historyStart());
        json.addProperty("valid", true);
        json.add("metadata", new JsonObject());
        coupons.putIfAbsent(id, json);
        return id;
    }

    JsonObject discountObject(String couponId, String subscriptionId, Chain chain, LocalDate start) {
        JsonObject json = object("discount", id("di"));
        json.remove("livemode");
        JsonObject source = new JsonObject();
        source.addProperty("type", "coupon");
        source.addProperty("coupon", couponId);
        json.add("source", source);
        json.addProperty("customer", "cus_" + chain.first().customerId());
        json.addProperty("subscription", subscriptionId);
        json.addProperty("start", epoch(start));
        nullable(json, "end", chain.discountEnd == null ? null : epoch(chain.discountEnd));
        return json;
    }

    /** What the line's discount would be; null when no discount applies to a period starting on {@code start}. */
    private Long discountOn(Chain chain, LocalDate start, long amount, boolean firstPaid) {
        if (chain.couponDuration == null || amount <= 0) {
            return chain.couponDuration == null ? null : appliesOn(chain, start, firstPaid) ? 0L : null;
        }
        if (!appliesOn(chain, start, firstPaid)) {
            return null;
        }
        RecurringItem item = chain.first();
        if ("once".equals(chain.couponDuration)) {
            return amount / 2;
        }
        if (item.discountPercent() != null) {
            return BigDecimal.valueOf(amount).multiply(item.discountPercent()).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.HALF_UP).longValueExact();
        }
        return Math.min(amount, minor(item.discountAmount(), item.currency()));
    }

    private static boolean appliesOn(Chain chain, LocalDate start, boolean firstPaid) {
        return switch (chain.couponDuration) {
            case "once" -> firstPaid;
            case "repeating" -> start.isBefore(chain.discountEnd);
            default -> true;
        };
    }

    private void invoice(Chain chain, String subscriptionId, String itemId, JsonObject price, JsonObject discount,
                         LocalDate start, LocalDate end, RecurringItem state, boolean firstPaid, boolean trial,
                         String reason, String status, List<Proration> prorations) {
        long amount = trial ? 0 : minor(state.unitAmount(), state.currency()) * state.quantity().longValueExact();
        Long lineDiscount = discountOn(chain, start, amount, firstPaid);
        List<JsonObject> lines = new ArrayList<>();
        lines.add(line(subscriptionId, itemId, price, state, start, end, amount, false, discount, lineDiscount));
        prorations.forEach(p -> lines.add(p.line()));
        writeInvoice(chain, subscriptionId, start, reason, status, lines, discount, prorations);
    }

    /** A pending invoice item and the line it becomes on the next invoice. */
    record Proration(JsonObject item, JsonObject line) {
    }

    private List<Proration> prorations(Chain chain, String subscriptionId, String itemId, JsonObject price,
                                       JsonObject discount, LocalDate change, LocalDate periodEnd, RecurringItem before,
                                       RecurringItem after) {
        long unit = minor(after.unitAmount(), after.currency());
        long fullBefore = unit * before.quantity().longValueExact();
        long fullAfter = unit * after.quantity().longValueExact();
        LocalDate periodStart = plus(periodEnd, after.interval(), -after.intervalCount(), 1);
        double fraction = (double) (periodEnd.toEpochDay() - change.toEpochDay())
                / Math.max(1, periodEnd.toEpochDay() - periodStart.toEpochDay());
        long credit = Math.max(1, Math.round(fullBefore * fraction));
        long charge = Math.max(1, Math.round(fullAfter * fraction));
        // Stripe's default (proration_discounts=included): the amount is net of the discount, and the
        // discount is named with an amount of 0
        Long creditOff = discountOn(chain, change, credit, false);
        Long chargeOff = discountOn(chain, change, charge, false);
        return List.of(
                proration(chain, subscriptionId, itemId, price, discount, before, change, periodEnd,
                        -Math.max(1, credit - (creditOff == null ? 0 : creditOff)), creditOff == null ? null : 0L),
                proration(chain, subscriptionId, itemId, price, discount, after, change, periodEnd,
                        Math.max(1, charge - (chargeOff == null ? 0 : chargeOff)), chargeOff == null ? null : 0L));
    }

    /**
     * A proration in Stripe's default shape ({@code proration_discounts=included}, API changelog
     * 2025-09-30.clover): {@code amount} net of discounts; the line names the subscription's discounts
     * with an amount of 0 and leaves item-level ones out; the pending invoice item names every
     * discount in {@code discounts} and {@code proration_details.discount_amounts} (amount 0).
     */
    Proration proration(Chain chain, String subscriptionId, String itemId, JsonObject price,
                                JsonObject discount, RecurringItem state, LocalDate change, LocalDate periodEnd,
                                long amount, Long discountAmount) {
        boolean itemLevel = discount != null && discount.has("subscription_item")
                && !discount.get("subscription_item").isJsonNull();
        JsonObject line = line(subscriptionId, itemId, price, state, change, periodEnd, amount, true,
                itemLevel ? null : discount, discountAmount);
        JsonObject item = object("invoiceitem", id("ii"));
        item.addProperty("customer", "cus_" + chain.first().customerId());
        item.addProperty("amount", amount);
        item.addProperty("currency", state.currency().toLowerCase(Locale.ROOT));
        item.addProperty("date", epoch(change) + 1);
        item.addProperty("created", epoch(change) + 1);
        item.add("description", line.get("description"));
        JsonArray discounts = new JsonArray();
        JsonArray named = new JsonArray();
        if (discount != null && discountAmount != null) {
            discounts.add(discount);
            JsonObject entry = new JsonObject();
            entry.addProperty("amount", 0);
            entry.addProperty("discount", discount.get("id").getAsString());
            named.add(entry);
        }
        item.add("discounts", discounts);
        JsonObject prorationDetails = new JsonObject();
        prorationDetails.add("credited_items", com.google.gson.JsonNull.INSTANCE);
        prorationDetails.add("discount_amounts", named);
        item.add("proration_details", prorationDetails);
        item.addProperty("discountable", true);
        item.add("invoice", com.google.gson.JsonNull.INSTANCE);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        details.addProperty("subscription_item", itemId);
        parent.add("subscription_details", details);
        item.add("parent", parent);
        item.add("period", line.get("period").deepCopy());
        item.add("pricing", line.get("pricing").deepCopy());
        item.addProperty("proration", true);
        item.addProperty("quantity", state.quantity().longValueExact());
        item.add("metadata", new JsonObject());
        line.getAsJsonObject("parent").getAsJsonObject("subscription_item_details")
                .addProperty("invoice_item", item.get("id").getAsString());
        publish("invoiceitem.created", StripeObjectType.INVOICE_ITEM, epoch(change) + 1, item, null);
        return new Proration(item, line);
    }

    JsonObject line(String subscriptionId, String itemId, JsonObject price, RecurringItem state,
                            LocalDate start, LocalDate end, long amount, boolean proration, JsonObject discount,
                            Long discountAmount) {
        JsonObject line = object("line_item", id("il"));
        line.addProperty("amount", amount);
        line.addProperty("currency", state.currency().toLowerCase(Locale.ROOT));
        line.addProperty("description", (proration ? (amount < 0 ? "Unused time on " : "Remaining time on ") : "")
                + state.quantity().toPlainString() + " × " + state.productId());
        line.addProperty("discountable", true);
        JsonObject period = new JsonObject();
        period.addProperty("start", epoch(start));
        period.addProperty("end", epoch(end));
        line.add("period", period);
        line.addProperty("quantity", state.quantity().longValueExact());
        JsonObject pricing = new JsonObject();
        pricing.addProperty("type", "price_details");
        JsonObject priceDetails = new JsonObject();
        priceDetails.addProperty("price", price.get("id").getAsString());
        priceDetails.addProperty("product", price.get("product").getAsString());
        pricing.add("price_details", priceDetails);
        pricing.addProperty("unit_amount_decimal", price.get("unit_amount_decimal").getAsString());
        line.add("pricing", pricing);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_item_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        details.addProperty("subscription_item", itemId);
        details.addProperty("proration", proration);
        details.add("invoice_item", com.google.gson.JsonNull.INSTANCE);
        parent.add("subscription_item_details", details);
        line.add("parent", parent);
        JsonArray discounts = new JsonArray();
        if (discount != null && discountAmount != null) {
            JsonObject entry = new JsonObject();
            entry.addProperty("amount", discountAmount);
            entry.addProperty("discount", discount.get("id").getAsString());
            discounts.add(entry);
        }
        line.add("discount_amounts", discounts);
        // the line's own (item-level) discounts; the subscription's are the invoice's
        line.add("discounts", new JsonArray());
        line.add("metadata", new JsonObject());
        return line;
    }

    void writeInvoice(Chain chain, String subscriptionId, LocalDate created, String reason, String status,
                              List<JsonObject> lines, JsonObject discount, List<Proration> prorations) {
        String invoiceId = id("in");
        JsonObject json = object("invoice", invoiceId);
        String customer = "cus_" + chain.first().customerId();
        long subtotal = lines.stream().mapToLong(l -> l.get("amount").getAsLong()).sum();
        long discountTotal = 0;
        for (JsonObject line : lines) {
            for (var amount : line.getAsJsonArray("discount_amounts")) {
                discountTotal += amount.getAsJsonObject().get("amount").getAsLong();
            }
        }
        long total = subtotal - discountTotal;
        json.addProperty("customer", customer);
        json.addProperty("created", epoch(created));
        json.addProperty("currency", chain.first().currency().toLowerCase(Locale.ROOT));
        json.addProperty("billing_reason", reason);
        json.addProperty("collection_method", "charge_automatically");
        json.addProperty("status", status);
        json.addProperty("subtotal", subtotal);
        json.addProperty("total", total);
        json.addProperty("amount_due", Math.max(0, total));
        json.addProperty("amount_paid", "paid".equals(status) ? Math.max(0, total) : 0);
        json.addProperty("amount_remaining", "paid".equals(status) ? 0 : Math.max(0, total));
        json.addProperty("period_start", epoch(created));
        json.addProperty("period_end", epoch(created));
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        details.add("metadata", new JsonObject());
        parent.add("subscription_details", details);
        json.add("parent", parent);
        for (JsonObject line : lines) {
            line.addProperty("invoice", invoiceId);
        }
        json.add("lines", StripeJson.list("/v1/invoices/" + invoiceId + "/lines", lines));
        JsonArray discounts = new JsonArray();
        boolean used = lines.stream().anyMatch(l -> l.getAsJsonArray("discount_amounts").size() > 0);
        if (discount != null && used) {
            discounts.add(discount);
        }
        json.add("discounts", discounts);
        json.add("metadata", new JsonObject());
        add(StripeObjectType.INVOICE, json);

        // the life of a subscription invoice: a draft, finalized about an hour later, then paid
        long at = epoch(created);
        JsonObject draft = json.deepCopy();
        draft.addProperty("status", "draft");
        draft.addProperty("amount_paid", 0);
        draft.addProperty("amount_remaining", Math.max(0, total));
        publish("invoice.created", StripeObjectType.INVOICE, at, draft, null);
        JsonObject open = draft.deepCopy();
        open.addProperty("status", "open");
        publish("invoice.finalized", StripeObjectType.INVOICE, at + 3600, open, null);
        if ("paid".equals(status)) {
            publish("invoice.paid", StripeObjectType.INVOICE, at + 3660, json, null);
        }
        for (Proration proration : prorations) {
            JsonObject item = proration.item();
            item.addProperty("invoice", invoiceId);
            add(StripeObjectType.INVOICE_ITEM, item);
            JsonObject previous = new JsonObject();
            previous.add("invoice", com.google.gson.JsonNull.INSTANCE);
            publish("invoiceitem.updated", StripeObjectType.INVOICE_ITEM, at, item, previous);
        }
    }

    private void invoiceItem(OneTimeCharge charge) {
        JsonObject json = object("invoiceitem", id("ii"));
        json.addProperty("customer", "cus_" + charge.customerId());
        json.addProperty("amount", minor(charge.amount(), charge.currency()));
        json.addProperty("currency", charge.currency().toLowerCase(Locale.ROOT));
        json.addProperty("date", epoch(charge.date()));
        json.addProperty("created", epoch(charge.date()));
        nullable(json, "description", charge.description());
        json.addProperty("proration", false);
        json.addProperty("quantity", 1);
        json.addProperty("discountable", true);
        json.add("parent", com.google.gson.JsonNull.INSTANCE);
        JsonObject period = new JsonObject();
        period.addProperty("start", epoch(charge.date()));
        period.addProperty("end", epoch(charge.date()));
        json.add("period", period);
        if (charge.productId() != null) {
            JsonObject pricing = new JsonObject();
            pricing.addProperty("type", "price_details");
            JsonObject priceDetails = new JsonObject();
            priceDetails.addProperty("price", "price_once_" + charge.productId());
            priceDetails.addProperty("product", "prod_" + charge.productId());
            pricing.add("price_details", priceDetails);
            pricing.addProperty("unit_amount_decimal", Long.toString(minor(charge.amount(), charge.currency())));
            json.add("pricing", pricing);
        }
        json.add("metadata", new JsonObject());
        created(StripeObjectType.INVOICE_ITEM, "invoiceitem.created", json);
    }
}
