package io.xsell.ingestion.chargebee.synthetic;

import static io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts.epoch;
import static io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts.major;
import static io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts.minor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The same account twice: as canonical data and as the resources (in every version) of a Chargebee
 * site on Product Catalog 2.0 holding it. Built from a canonical dataset (the synthetic generator's):
 * each product line is an item family, each product an item ({@code plan} for core products,
 * {@code addon} otherwise) with one item price per amount, currency and period; each run of one
 * product for one customer its own subscription, billed term by term as Chargebee does (nothing
 * during a trial, an invoice at each term start, a prorated invoice and a prorated credit note on a
 * mid-term quantity change, a prorated credit note on a mid-term cancellation). It then adds what
 * only Chargebee has, changing the canonical side to match: {@code limited_period} coupons that
 * expire (the item is split where the discount stops), {@code one_time} coupons (no canonical
 * effect), {@code non_renewing} and {@code paused} subscriptions. Simplification of the double: a
 * real site hangs addons on a subscription that has a plan; here an addon's run is a subscription
 * of its own, as the Stripe double does; the mapper does not depend on it.
 */
public final class SyntheticChargebeeAccount {
    public static final String ONE_TIME_COUPON = "WELCOME50";
    private static final int LIMITED_MONTHS = 3;
    /** The share of mid-term changes made with {@code prorate=false}. */
    private static final double UNPRORATED_SHARE = 0.3;
    /** The share of one-off charges refunded (wholly or by half) by a credit note a week or more later. */
    private static final double REFUNDED_SHARE = 0.15;
    /** A second recurring coupon some subscriptions with a forever coupon also have (10 % off, forever). */
    public static final String STACKED_COUPON = "STACK_10PCT";
    /** The share of forever-coupon subscriptions that also have {@link #STACKED_COUPON}. */
    private static final double STACKED_SHARE = 0.35;
    /** The share of changes at a term's start that were scheduled beforehand ({@code end_of_term=true}). */
    private static final double SCHEDULED_SHARE = 0.7;

    private final TenantDataset source;
    private final LocalDate asOf;
    private final SplittableRandom random;
    private final List<RecurringItem> canonicalItems = new ArrayList<>();
    private final List<ChargebeeFakeObject> versions = new ArrayList<>();
    private final Map<String, JsonObject> itemPrices = new LinkedHashMap<>();
    private final Map<String, JsonObject> coupons = new LinkedHashMap<>();
    private final Map<String, JsonObject> customers = new HashMap<>();
    private TenantDataset canonical;
    private long catalogueAt;
    private int nextId = 1;
    private int unprorated;
    /** Refunds of one-off charges (credit notes), as the canonical side's negative one-time charges. */
    private final List<OneTimeCharge> refunds = new ArrayList<>();
    private int scheduled;

    private SyntheticChargebeeAccount(TenantDataset source, LocalDate asOf, long seed) {
        this.source = source;
        this.asOf = asOf;
        this.random = new SplittableRandom(seed);
    }

    /** @param asOf the day the site is looked at: invoices exist for terms begun by then */
    public static SyntheticChargebeeAccount of(TenantDataset source, LocalDate asOf, long seed) {
        SyntheticChargebeeAccount account = new SyntheticChargebeeAccount(Objects.requireNonNull(source), asOf, seed);
        account.build();
        return account;
    }

    public TenantDataset canonical() {
        return canonical;
    }

    /** One-off charges refunded by a credit note: negative one-time charges on the canonical side. */
    public List<OneTimeCharge> refunds() {
        return refunds;
    }

    /** Mid-term changes made with {@code prorate=false}: dated by their {@code subscription_changed} event alone. */
    public int unproratedChanges() {
        return unprorated;
    }

    /** Changes scheduled for a term's end, published when scheduled and again when Chargebee applied them. */
    public int scheduledChanges() {
        return scheduled;
    }

    /** Every version of every resource, oldest first. */
    public List<ChargebeeFakeObject> versions() {
        return versions;
    }

    /** The resources of {@code type} as the site lists them at {@code cutOff} (Unix seconds): each one's last version before it. */
    public List<ChargebeeFakeObject> asOf(String type, long cutOff) {
        Map<String, ChargebeeFakeObject> latest = new LinkedHashMap<>();
        Map<String, Long> created = new HashMap<>();
        for (ChargebeeFakeObject version : versions) {
            if (version.type().equals(type) && version.at() < cutOff) {
                latest.put(version.id(), version);
                created.putIfAbsent(version.id(), version.at());
            }
        }
        List<ChargebeeFakeObject> list = new ArrayList<>(latest.values());
        list.sort(Comparator.comparingLong((ChargebeeFakeObject o) -> created.get(o.id()))
                .thenComparing(ChargebeeFakeObject::id));
        return list;
    }

    /** The versions made at or after {@code cutOff}: what the Events API publishes later. */
    public List<ChargebeeFakeObject> changesFrom(long cutOff) {
        return versions.stream().filter(v -> v.at() >= cutOff).toList();
    }

    private void build() {
        LocalDate first = asOf;
        for (RecurringItem item : source.items()) {
            first = item.startDate().isBefore(first) ? item.startDate() : first;
        }
        catalogueAt = epoch(first.minusDays(2));
        Map<String, Boolean> families = new LinkedHashMap<>();
        for (Product product : source.products()) {
            families.putIfAbsent(product.productLine(), true);
        }
        families.keySet().forEach(this::family);
        source.products().forEach(this::item);
        Map<String, List<RecurringItem>> byCustomer = new LinkedHashMap<>();
        for (RecurringItem item : source.items()) {
            byCustomer.computeIfAbsent(item.customerId(), c -> new ArrayList<>()).add(item);
        }
        for (Customer customer : source.customers()) {
            List<RecurringItem> items = byCustomer.getOrDefault(customer.id(), List.of());
            customer(customer, items);
            for (Chain chain : Chain.of(items)) {
                subscription(chain);
            }
        }
        for (OneTimeCharge charge : source.charges()) {
            chargeInvoice(charge);
        }
        List<OneTimeCharge> charges = new ArrayList<>(source.charges());
        charges.addAll(refunds);
        versions.sort(Comparator.comparingLong(ChargebeeFakeObject::at).thenComparingLong(ChargebeeFakeObject::version)
                .thenComparing(ChargebeeFakeObject::id));
        canonical = TenantDataset.of(source.reportingCurrency(), source.customers(), source.products(), canonicalItems,
                charges, source.rates());
    }

    private String id(String prefix) {
        return prefix + "_" + Integer.toString(nextId++, 36) + Integer.toString(random.nextInt(1 << 16), 36);
    }

    /** A new version of a resource, stamped with {@code resource_version} and {@code updated_at}. */
    private void version(String type, JsonObject json, long at, String event) {
        version(type, json, at, event, "admin_console");
    }

    private void version(String type, JsonObject json, long at, String event, String source) {
        long version = at * 1000 + versions.size() % 1000;
        json.addProperty("resource_version", version);
        json.addProperty("updated_at", at);
        json.addProperty("object", type);
        versions.add(new ChargebeeFakeObject(type, json.get("id").getAsString(), at, version, event, source,
                json.toString()));
    }

    // ---- catalogue ----

    private void family(String line) {
        JsonObject json = new JsonObject();
        json.addProperty("id", line);
        json.addProperty("name", line);
        json.addProperty("status", "active");
        json.addProperty("channel", "web");
        version("item_family", json, catalogueAt, "item_family_created");
    }

    private void item(Product product) {
        item(product.id(), product, product.kind() == LineKind.CORE ? "plan" : "addon");
    }

    private void item(String itemId, Product product, String type) {
        JsonObject json = new JsonObject();
        json.addProperty("id", itemId);
        json.addProperty("name", product.name() == null ? itemId : product.name());
        json.addProperty("status", "active");
        json.addProperty("item_family_id", product.productLine());
        json.addProperty("type", type);
        json.addProperty("is_shippable", false);
        json.addProperty("is_giftable", false);
        json.addProperty("enabled_for_checkout", true);
        json.addProperty("enabled_in_portal", true);
        json.addProperty("item_applicability", "all");
        json.addProperty("metered", false);
        json.addProperty("channel", "web");
        JsonObject metadata = new JsonObject();
        // half the items name their line in metadata; the rest rely on their item family
        if (random.nextBoolean()) {
            metadata.addProperty("product_line", product.productLine());
        }
        metadata.addProperty("kind", product.kind().code());
        if (product.grossMargin() != null) {
            metadata.addProperty("gross_margin", product.grossMargin().toPlainString());
        }
        json.add("metadata", metadata);
        version("item", json, catalogueAt, "item_created");
    }

    private JsonObject itemPrice(RecurringItem item) {
        int period = item.interval() == BillingInterval.QUARTER ? 3 * item.intervalCount() : item.intervalCount();
        String unit = item.interval() == BillingInterval.QUARTER ? "month" : item.interval().code();
        String key = item.productId() + "-" + item.currency() + "-" + period + unit + "-"
                + minor(item.unitAmount(), item.currency());
        return itemPrices.computeIfAbsent(key, k -> {
            JsonObject json = new JsonObject();
            json.addProperty("id", k);
            json.addProperty("name", k);
            json.addProperty("item_family_id", productOf(item.productId()).productLine());
            json.addProperty("item_id", item.productId());
            json.addProperty("status", "active");
            json.addProperty("pricing_model", "per_unit");
            json.addProperty("price", minor(item.unitAmount(), item.currency()));
            json.addProperty("period", period);
            json.addProperty("period_unit", unit);
            json.addProperty("currency_code", item.currency());
            json.addProperty("free_quantity", 0);
            json.addProperty("item_type", productOf(item.productId()).kind() == LineKind.CORE ? "plan" : "addon");
            json.addProperty("is_taxable", true);
            json.addProperty("channel", "web");
            json.addProperty("created_at", catalogueAt);
            version("item_price", json, catalogueAt, "item_price_created");
            return json;
        });
    }

    private Product productOf(String productId) {
        return source.products().stream().filter(p -> p.id().equals(productId)).findFirst().orElseThrow();
    }

    private void customer(Customer customer, List<RecurringItem> items) {
        JsonObject json = new JsonObject();
        json.addProperty("id", customer.id());
        LocalDate created = customer.createdAt() != null ? customer.createdAt()
                : items.isEmpty() ? asOf : items.stream().map(RecurringItem::startDate).min(LocalDate::compareTo)
                .orElseThrow();
        if (customer.name() != null) {
            json.addProperty("company", customer.name());
        }
        json.addProperty("email", "billing+" + customer.id() + "@example.com");
        json.addProperty("auto_collection", "on");
        json.addProperty("net_term_days", 0);
        json.addProperty("allow_direct_debit", false);
        json.addProperty("created_at", epoch(created));
        json.addProperty("taxability", "taxable");
        json.addProperty("pii_cleared", "active");
        json.addProperty("channel", "web");
        json.addProperty("deleted", false);
        json.addProperty("promotional_credits", 0);
        json.addProperty("refundable_credits", 0);
        json.addProperty("excess_payments", 0);
        json.addProperty("unbilled_charges", 0);
        if (!items.isEmpty()) {
            json.addProperty("preferred_currency_code", items.get(0).currency());
        }
        JsonObject meta = new JsonObject();
        customer.attributes().forEach(meta::addProperty);
        json.add("meta_data", meta);
        customers.put(customer.id(), json);
        version("customer", json, epoch(created), "customer_created");
    }

    // ---- subscriptions ----

    private static LocalDate plus(LocalDate anchor, RecurringItem item, int k) {
        return switch (item.interval()) {
            case DAY -> anchor.plusDays((long) k * item.intervalCount());
            case WEEK -> anchor.plusWeeks((long) k * item.intervalCount());
            case MONTH -> anchor.plusMonths((long) k * item.intervalCount());
            case QUARTER -> anchor.plusMonths(3L * k * item.intervalCount());
            case YEAR -> anchor.plusYears((long) k * item.intervalCount());
        };
    }

    /** Term starts from the anchor up to {@code until}, plus the first one at or after it. */
    private static List<LocalDate> terms(LocalDate anchor, RecurringItem item, LocalDate until) {
        List<LocalDate> starts = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate start = plus(anchor, item, k);
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
        decideExtras(chain, anchor, terms(anchor, first, chain.end != null ? chain.end : asOf.plusDays(1)));
        LocalDate stop = chain.end != null && !chain.end.isAfter(asOf) ? chain.end : asOf.plusDays(1);
        List<LocalDate> terms = terms(anchor, first, stop.isAfter(anchor) ? stop : anchor.plusDays(1));
        String subscriptionId = id("sub");
        JsonObject price = itemPrice(first);
        String coupon = coupon(chain);

        for (int k = 0; k + 1 < terms.size(); k++) {
            LocalDate termStart = terms.get(k);
            if (termStart.isAfter(asOf) || !termStart.isBefore(stop)) {
                break;
            }
            RecurringItem state = chain.at(termStart);
            long amount = minor(state.unitAmount(), state.currency()) * state.quantity().longValueExact();
            String lineCoupon = couponOn(chain, coupon, termStart, k == 0 && chain.trialEnd == null);
            invoice(chain, subscriptionId, price, termStart, terms.get(k + 1), state, amount, lineCoupon, termStart);
        }
        for (int i = 1; i < chain.items.size(); i++) {
            RecurringItem before = chain.items.get(i - 1);
            RecurringItem after = chain.items.get(i);
            LocalDate change = after.startDate();
            if (change.isBefore(anchor) || change.isAfter(asOf) || terms.contains(change)
                    || before.quantity().compareTo(after.quantity()) == 0) {
                continue;
            }
            LocalDate termEnd = terms.stream().filter(c -> c.isAfter(change)).findFirst().orElseThrow();
            LocalDate termStart = plus(termEnd, after, -1);
            long unit = minor(after.unitAmount(), after.currency());
            double fraction = (double) (termEnd.toEpochDay() - change.toEpochDay())
                    / Math.max(1, termEnd.toEpochDay() - termStart.toEpochDay());
            long charge = Math.max(1, Math.round(unit * after.quantity().longValueExact() * fraction));
            long credit = Math.max(1, Math.round(unit * before.quantity().longValueExact() * fraction));
            if (random.nextDouble() < UNPRORATED_SHARE) {
                // changed with prorate=false: no charge, no credit; the next term's invoice bills the new
                // quantity, and only the subscription_changed event dates the change
                unprorated++;
                continue;
            }
            String lineCoupon = couponOn(chain, coupon, change, false);
            invoice(chain, subscriptionId, price, change, termEnd, after, charge, lineCoupon, change);
            creditNote(chain, subscriptionId, price, change, termEnd, before, credit, "subscription_change");
        }
        boolean cancelled = chain.end != null && !chain.end.isAfter(asOf) && !"paused".equals(chain.status);
        if (cancelled && !terms.contains(chain.end)) {
            LocalDate termEnd = terms.stream().filter(c -> c.isAfter(chain.end)).findFirst().orElse(null);
            if (termEnd != null && !chain.end.isBefore(anchor)) {
                RecurringItem last = chain.last();
                LocalDate termStart = plus(termEnd, last, -1);
                double fraction = (double) (termEnd.toEpochDay() - chain.end.toEpochDay())
                        / Math.max(1, termEnd.toEpochDay() - termStart.toEpochDay());
                long credit = Math.max(1, Math.round(minor(last.unitAmount(), last.currency())
                        * last.quantity().longValueExact() * fraction));
                creditNote(chain, subscriptionId, price, chain.end, termEnd, last, credit, "subscription_cancellation");
            }
        }
        subscriptionVersions(chain, subscriptionId, price, coupon, terms, anchor);
    }

    /** The subscription as it stood after each change: created, each quantity change, then its end. */
    private void subscriptionVersions(Chain chain, String subscriptionId, JsonObject price, String coupon,
                                      List<LocalDate> terms, LocalDate anchor) {
        RecurringItem first = chain.first();
        List<LocalDate> changes = new ArrayList<>();
        changes.add(first.startDate());
        for (int i = 1; i < chain.items.size(); i++) {
            LocalDate change = chain.items.get(i).startDate();
            if (!change.isAfter(asOf) && (chain.end == null || change.isBefore(chain.end))) {
                changes.add(change);
            }
        }
        long lastAt = 0;
        for (int i = 0; i < changes.size(); i++) {
            LocalDate day = changes.get(i);
            boolean created = i == 0;
            String status = chain.trialEnd != null && chain.trialEnd.isAfter(day) ? "in_trial" : "active";
            String source = "admin_console";
            LocalDate scheduledOn = day.minusDays(5);
            if (!created && terms.contains(day) && scheduledOn.isAfter(anchor) && scheduledOn.isAfter(changes.get(i - 1))
                    && random.nextDouble() < SCHEDULED_SHARE) {
                // changed with end_of_term=true: the subscription keeps its items until the term ends
                // and says a change is scheduled; Chargebee applies it at the term's start
                JsonObject pending = subscriptionJson(chain, subscriptionId, price, coupon, terms, anchor, scheduledOn,
                        status);
                pending.addProperty("has_scheduled_changes", true);
                pending.addProperty("changes_scheduled_at", epoch(day));
                version("subscription", pending, epoch(scheduledOn) + 2, "subscription_changes_scheduled");
                source = "scheduled_job";
                scheduled++;
            }
            JsonObject json = subscriptionJson(chain, subscriptionId, price, coupon, terms, anchor, day, status);
            lastAt = epoch(day) + (created ? 1 : 2);
            version("subscription", json, lastAt, created ? "subscription_created" : "subscription_changed", source);
        }
        if (chain.trialEnd != null && !chain.trialEnd.isAfter(asOf) && chain.trialEnd.isAfter(first.startDate())
                && (chain.end == null || chain.trialEnd.isBefore(chain.end))) {
            JsonObject json = subscriptionJson(chain, subscriptionId, price, coupon, terms, anchor, chain.trialEnd,
                    "active");
            lastAt = Math.max(lastAt, epoch(chain.trialEnd) + 3);
            version("subscription", json, epoch(chain.trialEnd) + 3, "subscription_activated");
        }
        if (chain.end != null) {
            String status = chain.status;
            LocalDate decided = "non_renewing".equals(status) ? min(asOf, terms.stream()
                    .filter(t -> !t.isAfter(asOf)).reduce((a, b) -> b).orElse(first.startDate())) : chain.end;
            decided = decided.isBefore(first.startDate()) ? first.startDate() : decided;
            JsonObject json = subscriptionJson(chain, subscriptionId, price, coupon, terms, anchor, asOf, status);
            String event = switch (status) {
                case "cancelled" -> "subscription_cancelled";
                case "paused" -> "subscription_paused";
                default -> "subscription_cancellation_scheduled";
            };
            // decided after the last change it follows, so its version is the newest
            version("subscription", json, Math.max(epoch(decided) + 4, lastAt + 1), event);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private JsonObject subscriptionJson(Chain chain, String subscriptionId, JsonObject price, String coupon,
                                        List<LocalDate> terms, LocalDate anchor, LocalDate day, String status) {
        RecurringItem first = chain.first();
        RecurringItem state = chain.at(day);
        JsonObject json = new JsonObject();
        json.addProperty("id", subscriptionId);
        json.addProperty("customer_id", first.customerId());
        json.addProperty("currency_code", first.currency());
        json.addProperty("status", status);
        json.addProperty("billing_period", price.get("period").getAsInt());
        json.addProperty("billing_period_unit", price.get("period_unit").getAsString());
        json.addProperty("created_at", epoch(first.startDate()));
        json.addProperty("started_at", epoch(first.startDate()));
        if (!"in_trial".equals(status) && !anchor.isAfter(day)) {
            json.addProperty("activated_at", epoch(anchor));
        }
        if (chain.trialEnd != null) {
            json.addProperty("trial_start", epoch(first.startDate()));
            json.addProperty("trial_end", epoch(chain.trialEnd));
        }
        LocalDate termStart = terms.stream().filter(t -> !t.isAfter(day)).reduce((a, b) -> b).orElse(first.startDate());
        LocalDate termEnd = terms.stream().filter(t -> t.isAfter(day)).findFirst().orElse(plus(termStart, first, 1));
        if (!"cancelled".equals(status) && !"in_trial".equals(status)) {
            json.addProperty("current_term_start", epoch(termStart));
            json.addProperty("current_term_end", epoch(termEnd));
            if ("active".equals(status)) {
                json.addProperty("next_billing_at", epoch(termEnd));
            }
        }
        switch (status) {
            case "cancelled" -> {
                json.addProperty("cancelled_at", epoch(chain.end));
                json.addProperty("cancel_reason", "not_paid");
            }
            case "non_renewing" -> json.addProperty("cancelled_at", epoch(chain.end));
            case "paused" -> json.addProperty("pause_date", epoch(chain.end));
            default -> { }
        }
        json.addProperty("has_scheduled_changes", false);
        json.addProperty("has_scheduled_advance_invoices", false);
        json.addProperty("auto_collection", "on");
        json.addProperty("due_invoices_count", 0);
        json.addProperty("deleted", false);
        json.addProperty("channel", "web");
        JsonArray items = new JsonArray();
        JsonObject item = new JsonObject();
        item.addProperty("item_price_id", price.get("id").getAsString());
        item.addProperty("item_type", price.get("item_type").getAsString());
        item.addProperty("quantity", state.quantity().longValueExact());
        item.addProperty("unit_price", minor(state.unitAmount(), state.currency()));
        item.addProperty("amount", minor(state.unitAmount(), state.currency()) * state.quantity().longValueExact());
        item.addProperty("free_quantity", 0);
        if (chain.trialEnd != null) {
            item.addProperty("trial_end", epoch(chain.trialEnd));
        }
        items.add(item);
        json.add("subscription_items", items);
        if (coupon != null && couponCurrent(chain, coupon, day)) {
            JsonArray applied = new JsonArray();
            JsonObject entry = new JsonObject();
            entry.addProperty("coupon_id", coupon);
            if (chain.discountEnd != null) {
                entry.addProperty("apply_till", epoch(chain.discountEnd));
            }
            entry.addProperty("applied_count", 1);
            applied.add(entry);
            if (chain.stacked != null) {
                JsonObject stacked = new JsonObject();
                stacked.addProperty("coupon_id", chain.stacked);
                stacked.addProperty("applied_count", 1);
                applied.add(stacked);
            }
            json.add("coupons", applied);
        }
        JsonObject meta = new JsonObject();
        if (first.bundleId() != null) {
            meta.addProperty("bundle_id", first.bundleId());
        }
        json.add("meta_data", meta);
        return json;
    }

    private boolean couponCurrent(Chain chain, String coupon, LocalDate day) {
        if (ONE_TIME_COUPON.equals(coupon)) {
            return false;
        }
        return chain.discountEnd == null || chain.discountEnd.isAfter(day);
    }

    /**
     * Adds what only Chargebee has to some chains and changes the canonical items to match: each
     * choice keeps the chain's canonical meaning exact on both sides.
     */
    private void decideExtras(Chain chain, LocalDate anchor, List<LocalDate> terms) {
        RecurringItem first = chain.first();
        double dice = random.nextDouble();
        if (first.discountPercent() != null || first.discountAmount() != null) {
            chain.couponDuration = "forever";
            LocalDate expiry = anchor.plusMonths(LIMITED_MONTHS);
            if (first.discountPercent() != null && chain.trialEnd == null && first.interval() == BillingInterval.MONTH
                    && first.intervalCount() == 1 && dice < 0.4 && !expiry.isAfter(asOf)
                    && (chain.end == null || expiry.isBefore(chain.end))) {
                chain.couponDuration = "limited_period";
                chain.discountEnd = expiry;
            } else if (random.nextDouble() < STACKED_SHARE) {
                // two recurring coupons on every line: Chargebee takes the fixed amount off first, then
                // each percentage off what is left, so the canonical item gets both, combined
                chain.stacked = stackedCoupon();
            }
        } else if (chain.trialEnd == null && dice < 0.08) {
            chain.couponDuration = "one_time";
        }
        double state = random.nextDouble();
        LocalDate currentStart = terms.stream().filter(c -> !c.isAfter(asOf)).reduce((a, b) -> b).orElse(null);
        LocalDate nextStart = terms.stream().filter(c -> c.isAfter(asOf)).findFirst().orElse(null);
        List<RecurringItem> items = new ArrayList<>(chain.items);
        if (chain.end != null) {
            chain.status = chain.end.isAfter(asOf) ? "non_renewing" : "cancelled";
        } else if (chain.trialEnd != null && chain.trialEnd.isAfter(asOf)) {
            chain.status = "in_trial";
        } else if (state < 0.05 && nextStart != null) {
            chain.status = "non_renewing";
            chain.end = nextStart;
        } else if (state < 0.09 && currentStart != null && currentStart.isAfter(anchor)
                && currentStart.isAfter(chain.last().startDate()) && chain.couponDuration == null) {
            chain.status = "paused";
            chain.end = currentStart;
        }
        if (chain.end != null && chain.last().endDate() == null) {
            RecurringItem last = chain.last();
            items.set(items.size() - 1, copy(last, last.startDate(), chain.end, last.discountPercent(),
                    last.discountAmount(), last.id()));
        }
        chain.items.clear();
        chain.items.addAll(items);
        for (RecurringItem item : items) {
            LocalDate split = chain.discountEnd;
            if (chain.stacked != null) {
                // net = (gross × (1 − p) − a) × 0.9 = gross × (1 − (1 − (1 − p) × 0.9)) − 0.9 a
                BigDecimal percent = item.discountPercent() == null ? null : BigDecimal.valueOf(100)
                        .subtract(BigDecimal.valueOf(100).subtract(item.discountPercent()).multiply(STACK_KEPT));
                canonicalItems.add(copy(item, item.startDate(), item.endDate(),
                        percent == null ? BigDecimal.TEN : percent,
                        item.discountAmount() == null ? null : item.discountAmount().multiply(STACK_KEPT), item.id()));
            } else if (split == null) {
                canonicalItems.add(item);
            } else if (!item.startDate().isBefore(split)) {
                canonicalItems.add(copy(item, item.startDate(), item.endDate(), null, null, item.id()));
            } else if (item.endDate() == null || item.endDate().isAfter(split)) {
                canonicalItems.add(copy(item, item.startDate(), split, item.discountPercent(), null, item.id()));
                canonicalItems.add(copy(item, split, item.endDate(), null, null, item.id() + "b"));
            } else {
                canonicalItems.add(item);
            }
        }
    }

    private static RecurringItem copy(RecurringItem item, LocalDate start, LocalDate end, BigDecimal percent,
                                      BigDecimal amount, String id) {
        LocalDate trial = item.trialEnd() != null && item.trialEnd().isAfter(start) ? item.trialEnd() : null;
        return new RecurringItem(id, item.customerId(), item.productId(), item.subscriptionId(), start, end,
                item.unitAmount(), item.quantity(), item.currency(), item.interval(), item.intervalCount(), percent,
                amount, trial, item.bundleId());
    }

    private static final BigDecimal STACK_KEPT = new BigDecimal("0.9");

    private String stackedCoupon() {
        if (!coupons.containsKey(STACKED_COUPON)) {
            JsonObject json = new JsonObject();
            json.addProperty("id", STACKED_COUPON);
            json.addProperty("name", STACKED_COUPON);
            json.addProperty("discount_type", "percentage");
            json.addProperty("discount_percentage", 10.0);
            json.addProperty("duration_type", "forever");
            itemCouponFields(json, "all");
            coupons.put(STACKED_COUPON, json);
            version("coupon", json, catalogueAt, "coupon_created");
        }
        return STACKED_COUPON;
    }

    private String coupon(Chain chain) {
        if (chain.couponDuration == null) {
            return null;
        }
        RecurringItem item = chain.first();
        JsonObject json = new JsonObject();
        String id;
        if ("one_time".equals(chain.couponDuration)) {
            id = ONE_TIME_COUPON;
            json.addProperty("discount_type", "percentage");
            json.addProperty("discount_percentage", 50.0);
        } else if (item.discountPercent() != null) {
            id = chain.couponDuration.toUpperCase() + "_" + item.discountPercent().stripTrailingZeros().toPlainString()
                    .replace('.', '_') + "PCT";
            json.addProperty("discount_type", "percentage");
            json.addProperty("discount_percentage", item.discountPercent());
        } else {
            long minor = minor(item.discountAmount(), item.currency());
            id = chain.couponDuration.toUpperCase() + "_" + minor + item.currency();
            json.addProperty("discount_type", "fixed_amount");
            json.addProperty("discount_amount", minor);
            json.addProperty("currency_code", item.currency());
        }
        json.addProperty("id", id);
        json.addProperty("name", id);
        json.addProperty("duration_type", chain.couponDuration);
        if ("limited_period".equals(chain.couponDuration)) {
            json.addProperty("period", LIMITED_MONTHS);
            json.addProperty("period_unit", "month");
        }
        itemCouponFields(json, "not_applicable");
        if (!coupons.containsKey(id)) {
            coupons.put(id, json);
            version("coupon", json, catalogueAt, "coupon_created");
        }
        return id;
    }

    /** The fields every active item-level coupon of the site carries; {@code constraint} is its plan and addon constraint. */
    private void itemCouponFields(JsonObject json, String constraint) {
        json.addProperty("apply_on", "each_specified_item");
        json.addProperty("apply_discount_on", "not_applicable");
        json.addProperty("plan_constraint", constraint);
        json.addProperty("addon_constraint", constraint);
        json.addProperty("status", "active");
        json.addProperty("created_at", catalogueAt);
        json.addProperty("redemptions", 0);
    }

    /** The coupon on a line of a term starting on {@code start}; null when none applies. */
    private static String couponOn(Chain chain, String coupon, LocalDate start, boolean firstInvoice) {
        if (coupon == null) {
            return null;
        }
        return switch (chain.couponDuration) {
            case "one_time" -> firstInvoice ? coupon : null;
            case "limited_period" -> start.isBefore(chain.discountEnd) ? coupon : null;
            default -> coupon;
        };
    }

    private long discount(String coupon, long amount) {
        JsonObject json = coupons.get(coupon);
        if ("percentage".equals(json.get("discount_type").getAsString())) {
            return json.get("discount_percentage").getAsBigDecimal().multiply(BigDecimal.valueOf(amount))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        }
        return Math.min(amount, json.get("discount_amount").getAsLong());
    }

    // ---- invoices and credit notes ----

    private JsonObject line(String documentId, String subscriptionId, String customerId, JsonObject price,
                            LocalDate from, LocalDate to, long quantity, long unit, long amount, long discount) {
        JsonObject line = new JsonObject();
        line.addProperty("id", id("li"));
        if (subscriptionId != null) {
            line.addProperty("subscription_id", subscriptionId);
        }
        line.addProperty("date_from", epoch(from));
        line.addProperty("date_to", epoch(to));
        line.addProperty("unit_amount", unit);
        line.addProperty("quantity", quantity);
        line.addProperty("amount", amount);
        line.addProperty("pricing_model", "per_unit");
        line.addProperty("is_taxed", false);
        line.addProperty("tax_amount", 0);
        line.addProperty("discount_amount", discount);
        line.addProperty("item_level_discount_amount", discount);
        line.addProperty("description", price.get("name").getAsString());
        line.addProperty("entity_description", price.get("name").getAsString());
        line.addProperty("entity_type", price.get("item_type").getAsString() + "_item_price");
        line.addProperty("entity_id", price.get("id").getAsString());
        line.addProperty("customer_id", customerId);
        line.addProperty("metered", false);
        return line;
    }

    private void invoice(Chain chain, String subscriptionId, JsonObject price, LocalDate from, LocalDate to,
                         RecurringItem state, long amount, String coupon, LocalDate date) {
        String customer = chain.first().customerId();
        List<String> lineCoupons = coupon == null ? List.of() : chain.stacked == null ? List.of(coupon)
                : List.of(coupon, chain.stacked);
        long[] discountOf = new long[lineCoupons.size()];
        long left = amount;
        for (int i = 0; i < lineCoupons.size(); i++) {
            // the chain's own coupon first (fixed amounts go first; two percentages commute)
            discountOf[i] = discount(lineCoupons.get(i), left);
            left -= discountOf[i];
        }
        long discount = amount - left;
        JsonObject line = line(null, subscriptionId, customer, price, from, to, state.quantity().longValueExact(),
                minor(state.unitAmount(), state.currency()), amount, discount);
        JsonArray discounts = new JsonArray();
        JsonArray lineDiscounts = new JsonArray();
        for (int i = 0; i < lineCoupons.size(); i++) {
            coupon = lineCoupons.get(i);
            discount = discountOf[i];
            JsonObject entry = new JsonObject();
            entry.addProperty("amount", discount);
            entry.addProperty("description", coupon);
            entry.addProperty("entity_type", "item_level_coupon");
            entry.addProperty("discount_type", coupons.get(coupon).get("discount_type").getAsString());
            entry.addProperty("entity_id", coupon);
            discounts.add(entry);
            JsonObject lineDiscount = new JsonObject();
            lineDiscount.addProperty("line_item_id", line.get("id").getAsString());
            lineDiscount.addProperty("discount_type", "item_level_coupon");
            lineDiscount.addProperty("coupon_id", coupon);
            lineDiscount.addProperty("entity_id", coupon);
            lineDiscount.addProperty("discount_amount", discount);
            lineDiscounts.add(lineDiscount);
        }
        writeInvoice(customer, subscriptionId, state.currency(), date, List.of(line), discounts, lineDiscounts,
                left);
    }

    private void writeInvoice(String customer, String subscriptionId, String currency, LocalDate date,
                              List<JsonObject> lines, JsonArray discounts, JsonArray lineDiscounts, long total) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id("inv"));
        json.addProperty("customer_id", customer);
        if (subscriptionId != null) {
            json.addProperty("subscription_id", subscriptionId);
        }
        json.addProperty("recurring", subscriptionId != null);
        json.addProperty("status", "paid");
        json.addProperty("price_type", "tax_exclusive");
        json.addProperty("date", epoch(date));
        json.addProperty("paid_at", epoch(date));
        json.addProperty("currency_code", currency);
        json.addProperty("exchange_rate", 1.0);
        json.addProperty("sub_total", lines.stream().mapToLong(l -> l.get("amount").getAsLong()).sum());
        json.addProperty("total", total);
        json.addProperty("amount_paid", total);
        json.addProperty("amount_adjusted", 0);
        json.addProperty("write_off_amount", 0);
        json.addProperty("credits_applied", 0);
        json.addProperty("amount_due", 0);
        json.addProperty("first_invoice", false);
        json.addProperty("has_advance_charges", false);
        json.addProperty("term_finalized", true);
        json.addProperty("is_gifted", false);
        json.addProperty("deleted", false);
        json.addProperty("channel", "web");
        JsonArray array = new JsonArray();
        lines.forEach(array::add);
        json.add("line_items", array);
        json.add("discounts", discounts);
        json.add("line_item_discounts", lineDiscounts);
        version("invoice", json, epoch(date) + 10, "invoice_generated");
    }

    private void creditNote(Chain chain, String subscriptionId, JsonObject price, LocalDate from, LocalDate to,
                            RecurringItem state, long amount, String reason) {
        String customer = chain.first().customerId();
        JsonArray lines = new JsonArray();
        lines.add(line(null, subscriptionId, customer, price, from, to, state.quantity().longValueExact(),
                minor(state.unitAmount(), state.currency()), amount, 0));
        writeCreditNote(customer, subscriptionId, state.currency(), from, amount, reason, lines);
    }

    private void writeCreditNote(String customer, String subscriptionId, String currency, LocalDate from, long amount,
                                 String reason, JsonArray lines) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id("cn"));
        json.addProperty("customer_id", customer);
        if (subscriptionId != null) {
            json.addProperty("subscription_id", subscriptionId);
        }
        json.addProperty("type", "refundable");
        json.addProperty("reason_code", reason);
        json.addProperty("create_reason_code", reason);
        json.addProperty("status", "refunded");
        json.addProperty("date", epoch(from));
        json.addProperty("price_type", "tax_exclusive");
        json.addProperty("currency_code", currency);
        json.addProperty("total", amount);
        json.addProperty("amount_allocated", 0);
        json.addProperty("amount_refunded", amount);
        json.addProperty("amount_available", 0);
        json.addProperty("sub_total", amount);
        json.addProperty("deleted", false);
        json.addProperty("channel", "web");
        json.add("line_items", lines);
        json.add("discounts", new JsonArray());
        json.add("line_item_discounts", new JsonArray());
        version("credit_note", json, epoch(from) + 11, "credit_note_created");
    }

    private void chargeInvoice(OneTimeCharge charge) {
        JsonObject price;
        if (charge.productId() == null) {
            price = null;
        } else {
            String itemId = charge.productId() + "-charges";
            String priceId = itemId + "-" + charge.currency();
            price = itemPrices.get(priceId);
            if (price == null) {
                Product product = productOf(charge.productId());
                if (itemPrices.values().stream().noneMatch(p -> p.get("item_id").getAsString().equals(itemId))) {
                    item(itemId, product, "charge");
                }
                price = new JsonObject();
                price.addProperty("id", priceId);
                price.addProperty("name", priceId);
                price.addProperty("item_family_id", product.productLine());
                price.addProperty("item_id", itemId);
                price.addProperty("status", "active");
                price.addProperty("pricing_model", "flat_fee");
                price.addProperty("price", 0);
                price.addProperty("currency_code", charge.currency());
                price.addProperty("item_type", "charge");
                price.addProperty("is_taxable", true);
                price.addProperty("channel", "web");
                price.addProperty("created_at", catalogueAt);
                itemPrices.put(priceId, price);
                version("item_price", price, catalogueAt, "item_price_created");
            }
        }
        long amount = minor(charge.amount(), charge.currency());
        writeInvoice(charge.customerId(), null, charge.currency(), charge.date(),
                List.of(chargeLine(charge, price, amount)), new JsonArray(), new JsonArray(), amount);
        LocalDate refunded = charge.date().plusDays(7 + random.nextInt(30));
        if (amount > 1 && !refunded.isAfter(asOf) && random.nextDouble() < REFUNDED_SHARE) {
            // a refund of the whole charge or of half of it, by a credit note of its own
            long refund = random.nextBoolean() ? amount : amount / 2;
            JsonArray lines = new JsonArray();
            lines.add(chargeLine(charge, price, refund));
            writeCreditNote(charge.customerId(), null, charge.currency(), refunded, refund, "product_unsatisfactory",
                    lines);
            refunds.add(new OneTimeCharge(charge.id() + "-refund", charge.customerId(), charge.productId(), refunded,
                    major(-refund, charge.currency()), charge.currency(), "refund"));
        }
    }

    /** The line of a one-off charge ({@code charge_item_price}, or {@code adhoc} without a product). */
    private JsonObject chargeLine(OneTimeCharge charge, JsonObject price, long amount) {
        JsonObject line;
        if (price != null) {
            line = line(null, null, charge.customerId(), price, charge.date(), charge.date(), 1, amount, amount, 0);
        } else {
            JsonObject adhoc = new JsonObject();
            adhoc.addProperty("id", "adhoc");
            adhoc.addProperty("name", charge.description() == null ? "Charge" : charge.description());
            adhoc.addProperty("item_type", "adhoc");
            line = line(null, null, charge.customerId(), adhoc, charge.date(), charge.date(), 1, amount, amount, 0);
            line.addProperty("entity_type", "adhoc");
            line.remove("entity_id");
        }
        if (charge.description() != null) {
            line.addProperty("description", charge.description());
        }
        return line;
    }

    // ---- chains: one product held by one customer without a break in terms ----

    private static final class Chain {
        final List<RecurringItem> items = new ArrayList<>();
        LocalDate trialEnd;
        LocalDate end;
        String status = "active";
        String couponDuration;
        /** A second recurring coupon on every line of the chain, or null. */
        String stacked;
        LocalDate discountEnd;

        RecurringItem first() {
            return items.get(0);
        }

        RecurringItem last() {
            return items.get(items.size() - 1);
        }

        RecurringItem at(LocalDate day) {
            RecurringItem found = first();
            for (RecurringItem item : items) {
                if (!item.startDate().isAfter(day)) {
                    found = item;
                }
            }
            return found;
        }

        static List<Chain> of(List<RecurringItem> items) {
            List<RecurringItem> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparing(RecurringItem::startDate).thenComparing(RecurringItem::id));
            List<Chain> chains = new ArrayList<>();
            for (RecurringItem item : sorted) {
                Chain continued = chains.stream().filter(c -> c.continuedBy(item)).findFirst().orElse(null);
                if (continued == null) {
                    continued = new Chain();
                    continued.trialEnd = item.trialEnd();
                    chains.add(continued);
                    continued.items.add(item);
                } else if (continued.last().quantity().compareTo(item.quantity()) == 0) {
                    RecurringItem last = continued.last();
                    continued.items.set(continued.items.size() - 1, copy(last, last.startDate(), item.endDate(),
                            last.discountPercent(), last.discountAmount(), last.id()));
                } else {
                    continued.items.add(item);
                }
                continued.end = item.endDate();
            }
            return chains;
        }

        /** Same price and terms, starting the day the chain's last item ends: a quantity change. */
        boolean continuedBy(RecurringItem next) {
            RecurringItem last = last();
            LocalDate expectedTrial = trialEnd != null && trialEnd.isAfter(next.startDate()) ? trialEnd : null;
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
    }
}
