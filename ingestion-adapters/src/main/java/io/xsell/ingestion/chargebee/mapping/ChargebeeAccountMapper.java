package io.xsell.ingestion.chargebee.mapping;

import static io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts.day;
import static io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts.major;
import static io.xsell.ingestion.chargebee.mapping.Json.array;
import static io.xsell.ingestion.chargebee.mapping.Json.decimal;
import static io.xsell.ingestion.chargebee.mapping.Json.lng;
import static io.xsell.ingestion.chargebee.mapping.Json.requiredLong;
import static io.xsell.ingestion.chargebee.mapping.Json.requiredStr;
import static io.xsell.ingestion.chargebee.mapping.Json.str;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.InvalidFieldException;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.chargebee.sync.ChargebeeRecords;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.ingestion.provider.RecordSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a Chargebee site (Product Catalog 2.0) to the canonical model; the rules are in
 * docs/chargebee.md, side by side with Stripe's. The ones that shape the numbers:
 * <ul>
 *   <li>one canonical product per item; its product line from the connection's override (by item
 *       id, then item family id), else the item's {@code metadata.product_line}, else its item family;</li>
 *   <li>each subscription item's history comes from the invoice lines that billed it: a line's
 *       quantity, unit price and recurring coupon hold from its {@code date_from} until a later line
 *       says otherwise, so a mid-period change (a prorated line) counts from the day it happened and
 *       never rewrites earlier days;</li>
 *   <li>a {@code subscription_changed} event dates a change no line or unbilled charge dates
 *       ({@code prorate=false}, an item added or removed mid-term) from its {@code occurred_at} day;
 *       a line or unbilled charge of the same day wins;</li>
 *   <li>the history ends on {@code cancelled_at} (cancelled, and non_renewing's planned cancel),
 *       {@code pause_date} (paused), or, for an item taken off the subscription, on the
 *       {@code date_from} of the prorated credit note line that refunded it;</li>
 *   <li>{@code one_time} coupons change no MRR; {@code forever} and {@code limited_period} ones
 *       hold on the lines they discounted.</li>
 * </ul>
 */
public final class ChargebeeAccountMapper {
    private static final Set<String> RECURRING_ENTITIES = Set.of("plan_item_price", "addon_item_price");
    private static final Set<String> CHARGE_ENTITIES = Set.of("charge_item_price", "adhoc");
    private static final Set<String> COUPON_DISCOUNTS = Set.of("item_level_coupon", "document_level_coupon");

    private final MappingSettings settings;
    private final Map<String, JsonObject> items = new HashMap<>();
    private final Map<String, JsonObject> itemPrices = new HashMap<>();
    private final Map<String, JsonObject> coupons = new HashMap<>();
    /** Invoice lines of each subscription item, by subscription id then item price id. */
    private final Map<String, Map<String, List<BilledLine>>> billed = new LinkedHashMap<>();
    /** Day of each prorated credit of a subscription item, same keys. */
    private final Map<String, Map<String, List<LocalDate>>> credited = new HashMap<>();
    /** Unbilled charges of each subscription item (a change whose invoice is deferred), same keys. */
    private final Map<String, Map<String, List<JsonObject>>> unbilledCharges = new HashMap<>();
    /** The {@code subscription_change} records (subscription_changed events) of each subscription. */
    private final Map<String, List<JsonObject>> changes = new HashMap<>();
    private final List<OneTimeCharge> charges = new ArrayList<>();

    private ChargebeeAccountMapper(MappingSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws InvalidDatasetException naming the Chargebee object, its id and the field when an
     *                                 object cannot be mapped or the result breaks a dataset rule
     */
    public static TenantDataset map(RecordSnapshot snapshot, MappingSettings settings) {
        return new ChargebeeAccountMapper(Objects.requireNonNull(settings)).run(snapshot);
    }

    private TenantDataset run(RecordSnapshot snapshot) {
        Map<String, JsonObject> families = new HashMap<>();
        each(snapshot, "item_family", json -> families.put(requiredStr(json, "id"), json));
        each(snapshot, "item", json -> items.put(requiredStr(json, "id"), json));
        each(snapshot, "item_price", json -> itemPrices.put(requiredStr(json, "id"), json));
        each(snapshot, "coupon", json -> coupons.put(requiredStr(json, "id"), json));
        List<Product> products = products();
        List<Customer> customers = new ArrayList<>();
        each(snapshot, "customer", json -> customers.add(customer(json)));
        each(snapshot, "invoice", this::invoice);
        each(snapshot, "credit_note", this::creditNote);
        each(snapshot, "unbilled_charge", this::unbilledCharge);
        each(snapshot, ChargebeeRecords.SUBSCRIPTION_CHANGE, change -> changes.computeIfAbsent(
                requiredStr(Json.object(change, "subscription"), "id"), s -> new ArrayList<>()).add(change));
        List<RecurringItem> recurring = new ArrayList<>();
        each(snapshot, "subscription", json -> recurring.addAll(subscription(json)));
        return TenantDataset.of(settings.reportingCurrency(), customers, products, recurring, charges,
                settings.fxRates());
    }

    private interface Mapping {
        void accept(JsonObject json);
    }

    /** Every live record of {@code type}, oldest id first so that a re-run maps the same way. */
    private static void each(RecordSnapshot snapshot, String type, Mapping mapping) {
        List<ProviderRecord> records = new ArrayList<>(snapshot.records(type));
        records.sort(Comparator.comparing(ProviderRecord::id));
        for (ProviderRecord record : records) {
            if (record.deleted()) {
                continue;
            }
            try {
                JsonObject json = JsonParser.parseString(record.json()).getAsJsonObject();
                if (Json.bool(json, "deleted")) {
                    continue;
                }
                mapping.accept(json);
            } catch (Json.MappingProblem e) {
                throw problem(type, record.id(), e.field, e.getMessage());
            } catch (InvalidFieldException e) {
                throw problem(type, record.id(), e.field(), e.getMessage());
            } catch (JsonParseException | IllegalStateException | IllegalArgumentException | ArithmeticException e) {
                throw problem(type, record.id(), "json", e.getMessage());
            }
        }
    }

    private static InvalidDatasetException problem(String type, String id, String field, String message) {
        return new InvalidDatasetException(List.of("Chargebee " + type + " " + id + ", field " + field + ": "
                + message));
    }

    private String id(String chargebeeId) {
        return settings.idPrefix() + chargebeeId;
    }

    // ---- catalogue ----

    private List<Product> products() {
        // a line's default kind: core when it holds a plan, add_on otherwise, so one line has one kind
        Map<String, String> lineOf = new HashMap<>();
        Map<String, LineKind> defaultKind = new HashMap<>();
        List<String> ids = items.keySet().stream().sorted().toList();
        for (String itemId : ids) {
            JsonObject item = items.get(itemId);
            String line = productLine(item);
            lineOf.put(itemId, line);
            if ("plan".equals(str(item, "type"))) {
                defaultKind.put(line, LineKind.CORE);
            } else {
                defaultKind.putIfAbsent(line, LineKind.ADD_ON);
            }
        }
        List<Product> products = new ArrayList<>();
        for (String itemId : ids) {
            JsonObject item = items.get(itemId);
            try {
                Map<String, String> metadata = Json.strings(item, "metadata");
                LineOverride override = override(item);
                LineKind kind = override != null && override.kind() != null ? override.kind()
                        : metadata.containsKey("kind") ? LineKind.parse(metadata.get("kind"))
                        : defaultKind.get(lineOf.get(itemId));
                String margin = metadata.get("gross_margin");
                products.add(new Product(id(itemId), str(item, "name"), lineOf.get(itemId), kind,
                        margin == null ? null : new BigDecimal(margin), null));
            } catch (InvalidFieldException e) {
                throw problem("item", itemId, e.field(), e.getMessage());
            } catch (IllegalArgumentException e) {
                throw problem("item", itemId, "metadata", e.getMessage());
            }
        }
        return products;
    }

    private LineOverride override(JsonObject item) {
        LineOverride byItem = settings.lineOverrides().get(requiredStr(item, "id"));
        String family = str(item, "item_family_id");
        return byItem != null ? byItem : family == null ? null : settings.lineOverrides().get(family);
    }

    private String productLine(JsonObject item) {
        LineOverride override = override(item);
        if (override != null) {
            return override.productLine();
        }
        String line = Json.strings(item, "metadata").get("product_line");
        if (line != null && !line.isBlank()) {
            return line;
        }
        String family = str(item, "item_family_id");
        return family != null ? family : requiredStr(item, "id");
    }

    private Customer customer(JsonObject json) {
        String company = str(json, "company");
        String person = String.join(" ", java.util.stream.Stream.of(str(json, "first_name"), str(json, "last_name"))
                .filter(Objects::nonNull).toList());
        String name = company != null && !company.isBlank() ? company : person.isBlank() ? null : person;
        Long created = lng(json, "created_at");
        return new Customer(id(requiredStr(json, "id")), name, created == null ? null : day(created),
                Json.strings(json, "meta_data"));
    }

    // ---- invoices and credit notes ----

    /** A dated fact of a subscription item's history, by kind: of one day, the later kind wins. */
    private enum Fact {
        /** a subscription_changed event: the item's state from the event's day, or its removal */
        CHANGE,
        /** an invoice line (or, for an item never billed, its present state) */
        LINE,
        /** an unbilled charge: billed next */
        PENDING
    }

    /**
     * One fact of a subscription item: its state from {@code from} ({@code removed}: the item left
     * the subscription on that day). {@code invoiceDate} orders facts of one kind and day.
     */
    private record BilledLine(Fact fact, LocalDate from, LocalDate to, long invoiceDate, String lineId, long quantity,
                              BigDecimal unitAmount, String currency, BigDecimal percentOff, BigDecimal amountOff,
                              boolean removed) {
        BilledLine(Fact fact, LocalDate from, LocalDate to, long invoiceDate, String lineId, long quantity,
                   BigDecimal unitAmount, String currency, BigDecimal percentOff, BigDecimal amountOff) {
            this(fact, from, to, invoiceDate, lineId, quantity, unitAmount, currency, percentOff, amountOff, false);
        }

        static BilledLine removal(LocalDate day, long at, String id) {
            return new BilledLine(Fact.CHANGE, day, day, at, id, 0, BigDecimal.ZERO, "", null, null, true);
        }

        boolean sameState(BilledLine other) {
            return quantity == other.quantity && unitAmount.compareTo(other.unitAmount) == 0
                    && currency.equals(other.currency) && equal(percentOff, other.percentOff)
                    && equal(amountOff, other.amountOff);
        }
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void invoice(JsonObject invoice) {
        if ("voided".equals(str(invoice, "status"))) {
            return;
        }
        String currency = requiredStr(invoice, "currency_code").toUpperCase(Locale.ROOT);
        long date = requiredLong(invoice, "date");
        Map<String, List<AppliedCoupon>> couponsOfLine = new HashMap<>();
        for (JsonObject discount : array(invoice, "line_item_discounts")) {
            if (COUPON_DISCOUNTS.contains(str(discount, "discount_type"))) {
                String couponId = str(discount, "coupon_id") != null ? str(discount, "coupon_id")
                        : str(discount, "entity_id");
                JsonObject coupon = recurringCoupon(couponId);
                List<AppliedCoupon> applied = couponsOfLine.computeIfAbsent(requiredStr(discount, "line_item_id"),
                        l -> new ArrayList<>());
                if (coupon != null && applied.stream().noneMatch(a -> a.id().equals(couponId))) {
                    applied.add(new AppliedCoupon(couponId, coupon,
                            "document_level_coupon".equals(str(discount, "discount_type"))));
                }
            }
        }
        for (JsonObject line : array(invoice, "line_items")) {
            String entity = requiredStr(line, "entity_type");
            String lineId = requiredStr(line, "id");
            if (RECURRING_ENTITIES.contains(entity) && str(line, "subscription_id") != null) {
                Long quantity = lng(line, "quantity");
                Discount discount = stack(couponsOfLine.getOrDefault(lineId, List.of()), currency);
                BilledLine billedLine = new BilledLine(Fact.LINE, day(requiredLong(line, "date_from")),
                        day(requiredLong(line, "date_to")), date, lineId, quantity == null ? 1 : quantity,
                        major(requiredLong(line, "unit_amount"), currency), currency, discount.percent(),
                        discount.amount());
                billed.computeIfAbsent(line.get("subscription_id").getAsString(), s -> new LinkedHashMap<>())
                        .computeIfAbsent(requiredStr(line, "entity_id"), p -> new ArrayList<>()).add(billedLine);
            } else if (CHARGE_ENTITIES.contains(entity)) {
                long net = requiredLong(line, "amount") - Objects.requireNonNullElse(lng(line, "discount_amount"), 0L);
                charges.add(oneOff(invoice, line, entity, lineId, date, major(net, currency), currency));
            }
        }
    }

    /** The coupon when it discounts every period it applies to (forever, limited_period); null for one_time. */
    private JsonObject recurringCoupon(String couponId) {
        if (couponId == null) {
            return null;
        }
        JsonObject coupon = coupons.get(couponId);
        if (coupon == null) {
            throw new Json.MappingProblem("line_item_discounts", "names coupon '" + couponId
                    + "', which the site did not list");
        }
        return "one_time".equals(str(coupon, "duration_type")) ? null : coupon;
    }

    /**
     * A credit note: the day a recurring item's prorated credit begins (its removal), and for each line
     * of a one-off charge ({@code charge_item_price}, {@code adhoc}) a negative one-time charge on the
     * note's {@code date}: a refund or adjustment takes back one-time revenue on the day it is given.
     */
    private void creditNote(JsonObject note) {
        if ("voided".equals(str(note, "status"))) {
            return;
        }
        for (JsonObject line : array(note, "line_items")) {
            String entity = requiredStr(line, "entity_type");
            if (RECURRING_ENTITIES.contains(entity) && str(line, "subscription_id") != null) {
                credited.computeIfAbsent(str(line, "subscription_id"), s -> new HashMap<>())
                        .computeIfAbsent(requiredStr(line, "entity_id"), p -> new ArrayList<>())
                        .add(day(requiredLong(line, "date_from")));
            } else if (CHARGE_ENTITIES.contains(entity)) {
                String currency = requiredStr(note, "currency_code").toUpperCase(Locale.ROOT);
                long net = requiredLong(line, "amount") - Objects.requireNonNullElse(lng(line, "discount_amount"), 0L);
                charges.add(oneOff(note, line, entity, requiredStr(note, "id") + ":" + requiredStr(line, "id"),
                        requiredLong(note, "date"), major(-net, currency), currency));
            }
        }
    }

    /** A one-time charge (or, negative, its credit) from a line of a one-off charge. */
    private OneTimeCharge oneOff(JsonObject document, JsonObject line, String entity, String chargeId, long date,
                                 BigDecimal amount, String currency) {
        String customer = str(line, "customer_id") != null ? str(line, "customer_id")
                : requiredStr(document, "customer_id");
        JsonObject price = "charge_item_price".equals(entity) ? itemPrices.get(str(line, "entity_id")) : null;
        String product = price == null ? null : id(requiredStr(price, "item_id"));
        return new OneTimeCharge(id(chargeId), id(customer), product, day(date), amount, currency,
                str(line, "description"));
    }

    /**
     * A charge Chargebee holds for the next invoice (a change made with invoicing deferred): like
     * Stripe's pending proration items, it dates the change before any invoice bills it.
     */
    private void unbilledCharge(JsonObject charge) {
        Boolean voided = charge.has("is_voided") && !charge.get("is_voided").isJsonNull()
                ? charge.get("is_voided").getAsBoolean() : false;
        Long amount = lng(charge, "amount");
        if (voided || !RECURRING_ENTITIES.contains(str(charge, "entity_type")) || str(charge, "subscription_id") == null
                || amount != null && amount < 0) {
            return;
        }
        unbilledCharges.computeIfAbsent(requiredStr(charge, "subscription_id"), s -> new HashMap<>())
                .computeIfAbsent(requiredStr(charge, "entity_id"), p -> new ArrayList<>()).add(charge);
    }

    // ---- subscriptions ----

    private List<RecurringItem> subscription(JsonObject sub) {
        String subscriptionId = requiredStr(sub, "id");
        String status = requiredStr(sub, "status");
        if ("future".equals(status) || "transferred".equals(status)) {
            return List.of(); // not begun, or moved to another customer under a new subscription
        }
        String customer = requiredStr(sub, "customer_id");
        Map<String, JsonObject> current = recurringItems(sub);
        Map<String, List<BilledLine>> lines = billed.getOrDefault(subscriptionId, Map.of());
        Map<String, List<JsonObject>> pending = unbilledCharges.getOrDefault(subscriptionId, Map.of());
        List<JsonObject> subscriptionChanges = changes.getOrDefault(subscriptionId, List.of());
        Set<String> prices = new LinkedHashSet<>(lines.keySet());
        prices.addAll(pending.keySet());
        prices.addAll(current.keySet());
        for (JsonObject change : subscriptionChanges) {
            prices.addAll(recurringItems(Json.object(change, "subscription")).keySet());
        }
        LocalDate end = subscriptionEnd(sub, status);
        Long trialStart = lng(sub, "trial_start");
        Long trialEndAt = lng(sub, "trial_end");
        LocalDate trialEnd = trialEndAt == null ? null : day(trialEndAt);
        LocalDate started = trialStart != null ? day(trialStart) : lng(sub, "started_at") != null
                ? day(requiredLong(sub, "started_at")) : day(requiredLong(sub, "created_at"));
        String bundle = Json.strings(sub, "meta_data").get("bundle_id");
        List<RecurringItem> result = new ArrayList<>();
        for (String priceId : prices) {
            JsonObject price = itemPrices.get(priceId);
            if (price == null) {
                throw new Json.MappingProblem("subscription_items", "names item price '" + priceId
                        + "', which the site did not list");
            }
            List<BilledLine> history = new ArrayList<>(lines.getOrDefault(priceId, List.of()));
            for (JsonObject charge : pending.getOrDefault(priceId, List.of())) {
                history.add(pendingLine(sub, charge));
            }
            history.sort(HISTORY_ORDER);
            LocalDate itemEnd = current.containsKey(priceId) ? end : history.isEmpty() ? null
                    : removal(history, credited.getOrDefault(subscriptionId, Map.of()).getOrDefault(priceId,
                    List.of()));
            for (JsonObject change : subscriptionChanges) {
                BilledLine fact = changeFact(change, priceId, started);
                if (fact != null) {
                    history.add(fact);
                }
            }
            if (history.stream().allMatch(BilledLine::removed)) {
                if (!current.containsKey(priceId)) {
                    continue;
                }
                // held now, and no fact holds it: added after the last change that did not (whose event
                // is gone), so it counts from that change, never from the subscription's start
                LocalDate since = history.stream().map(BilledLine::from).max(Comparator.naturalOrder()).orElse(started);
                history.add(unbilled(sub, current.get(priceId), since));
            }
            history.sort(HISTORY_ORDER);
            if (itemEnd == null && !current.containsKey(priceId)) {
                // known only from changes, and gone without one saying so: nothing after the last
                itemEnd = history.get(history.size() - 1).from();
            }
            result.addAll(segments(subscriptionId, customer, priceId, price, history, started, trialEnd, itemEnd,
                    bundle));
        }
        return result;
    }

    private static final Comparator<BilledLine> HISTORY_ORDER = Comparator.comparing(BilledLine::from)
            .thenComparing(BilledLine::fact).thenComparingLong(BilledLine::invoiceDate).thenComparing(BilledLine::lineId);

    /** The subscription's recurring items (plans and addons) by item price id. */
    private static Map<String, JsonObject> recurringItems(JsonObject sub) {
        Map<String, JsonObject> items = new LinkedHashMap<>();
        for (JsonObject item : array(sub, "subscription_items")) {
            if (!"charge".equals(requiredStr(item, "item_type"))) {
                items.put(requiredStr(item, "item_price_id"), item);
            }
        }
        return items;
    }

    /**
     * What one subscription_changed event says of an item price: its state from the event's day
     * (never before the subscription's start) with the subscription's recurring coupon then, or its
     * removal when the subscription no longer holds it; null for an item without {@code unit_price}
     * (a tiered price: its lines date it).
     */
    private BilledLine changeFact(JsonObject change, String priceId, LocalDate started) {
        JsonObject sub = Json.object(change, "subscription");
        long at = requiredLong(change, "occurred_at");
        LocalDate day = day(at).isBefore(started) ? started : day(at);
        String eventId = requiredStr(change, "id");
        JsonObject item = recurringItems(sub).get(priceId);
        if (item == null) {
            return BilledLine.removal(day, at, eventId);
        }
        Long unit = lng(item, "unit_price");
        if (unit == null) {
            return null;
        }
        String currency = requiredStr(sub, "currency_code").toUpperCase(Locale.ROOT);
        Discount discount = subscriptionDiscount(sub, currency);
        Long quantity = lng(item, "quantity");
        return new BilledLine(Fact.CHANGE, day, day, at, eventId, quantity == null ? 1 : quantity,
                major(unit, currency), currency, discount.percent(), discount.amount());
    }

    /**
     * An unbilled charge as a line: its state from its {@code date_from}, after every invoice of that
     * day (it is billed next). It names no coupon, so the subscription's current recurring ones apply.
     */
    private BilledLine pendingLine(JsonObject sub, JsonObject charge) {
        String currency = requiredStr(charge, "currency_code").toUpperCase(Locale.ROOT);
        Discount discount = subscriptionDiscount(sub, currency);
        Long quantity = lng(charge, "quantity");
        return new BilledLine(Fact.PENDING, day(requiredLong(charge, "date_from")), day(requiredLong(charge, "date_to")),
                Long.MAX_VALUE, requiredStr(charge, "id"), quantity == null ? 1 : quantity,
                major(requiredLong(charge, "unit_amount"), currency), currency, discount.percent(), discount.amount());
    }

    /** A recurring coupon applied to a line or subscription, at the invoice's level or the item's. */
    private record AppliedCoupon(String id, JsonObject coupon, boolean invoiceLevel) {
        boolean fixed() {
            return "fixed_amount".equals(str(coupon, "discount_type"));
        }
    }

    /** What the recurring coupons of an item take off: {@code net = gross × (1 − percent/100) − amount}. */
    private record Discount(BigDecimal percent, BigDecimal amount) {
    }

    /** The order in which Chargebee applies coupons: the item's before the invoice's, fixed amounts before percentages. */
    private static final Comparator<AppliedCoupon> CHARGEBEE_ORDER = Comparator.comparing(AppliedCoupon::invoiceLevel)
            .thenComparing(a -> !a.fixed()).thenComparing(AppliedCoupon::id);

    /**
     * Several recurring coupons stacked as Chargebee applies them, one after the other in
     * {@link #CHARGEBEE_ORDER}: a fixed amount {@code a} takes {@code a} off what is left, a percentage
     * {@code p} takes {@code p} % of what is left. With {@code net = gross × m − a}, a fixed amount adds to
     * {@code a} and a percentage multiplies {@code m} and {@code a} by {@code 1 − p/100}; the canonical
     * item's {@code discount_percent} is {@code (1 − m) × 100} (null without a percentage) and its
     * {@code discount_amount} is {@code a} (null without a fixed amount). One coupon gives its own value.
     */
    private static Discount stack(List<AppliedCoupon> applied, String currency) {
        BigDecimal kept = BigDecimal.ONE;
        BigDecimal amount = BigDecimal.ZERO;
        boolean anyPercent = false;
        boolean anyFixed = false;
        for (AppliedCoupon coupon : applied.stream().sorted(CHARGEBEE_ORDER).toList()) {
            if (coupon.fixed()) {
                anyFixed = true;
                amount = amount.add(major(requiredLong(coupon.coupon(), "discount_amount"), currency));
            } else if ("percentage".equals(str(coupon.coupon(), "discount_type"))) {
                anyPercent = true;
                BigDecimal percent = decimal(coupon.coupon(), "discount_percentage");
                BigDecimal factor = BigDecimal.ONE.subtract(percent.movePointLeft(2));
                kept = kept.multiply(factor);
                amount = amount.multiply(factor);
            }
        }
        return new Discount(anyPercent ? BigDecimal.ONE.subtract(kept).movePointRight(2) : null,
                anyFixed ? amount : null);
    }

    /**
     * The subscription's current recurring coupons ({@code coupons[]}; one applied to the invoice
     * amount, {@code apply_on: invoice_amount}, at the invoice's level), stacked.
     */
    private Discount subscriptionDiscount(JsonObject sub, String currency) {
        List<AppliedCoupon> applied = new ArrayList<>();
        for (JsonObject entry : array(sub, "coupons")) {
            String couponId = requiredStr(entry, "coupon_id");
            JsonObject coupon = recurringCoupon(couponId);
            if (coupon != null && applied.stream().noneMatch(a -> a.id().equals(couponId))) {
                applied.add(new AppliedCoupon(couponId, coupon, "invoice_amount".equals(str(coupon, "apply_on"))));
            }
        }
        return stack(applied, currency);
    }

    /** An item no invoice billed yet (a trial, a subscription begun today): its present state from the start. */
    private BilledLine unbilled(JsonObject sub, JsonObject item, LocalDate started) {
        String currency = requiredStr(sub, "currency_code").toUpperCase(Locale.ROOT);
        Discount discount = subscriptionDiscount(sub, currency);
        Long quantity = lng(item, "quantity");
        Long unit = lng(item, "unit_price");
        if (unit == null) {
            throw new Json.MappingProblem("subscription_items.unit_price", "is missing for item price "
                    + str(item, "item_price_id"));
        }
        return new BilledLine(Fact.LINE, started, started, 0, "", quantity == null ? 1 : quantity, major(unit, currency),
                currency, discount.percent(), discount.amount());
    }

    private static LocalDate subscriptionEnd(JsonObject sub, String status) {
        return switch (status) {
            case "cancelled" -> day(requiredLong(sub, "cancelled_at"));
            case "non_renewing" -> lng(sub, "cancelled_at") != null ? day(requiredLong(sub, "cancelled_at"))
                    : day(requiredLong(sub, "current_term_end"));
            case "paused" -> lng(sub, "pause_date") != null ? day(requiredLong(sub, "pause_date"))
                    : day(requiredLong(sub, "current_term_start"));
            case "active", "in_trial" -> null;
            default -> throw new Json.MappingProblem("status", "'" + status + "' is not a Chargebee subscription status");
        };
    }

    /** An item no longer on the subscription ends where its prorated credit begins, else where its last line ends. */
    private static LocalDate removal(List<BilledLine> history, List<LocalDate> credits) {
        BilledLine last = history.get(history.size() - 1);
        LocalDate end = last.to();
        for (LocalDate credit : credits) {
            if (credit.isAfter(last.from()) && credit.isBefore(end)) {
                end = credit;
            }
        }
        return end;
    }

    private List<RecurringItem> segments(String subscriptionId, String customer, String priceId, JsonObject price,
                                         List<BilledLine> history, LocalDate started, LocalDate trialEnd,
                                         LocalDate end, String bundle) {
        BillingInterval interval = interval(price);
        int count = Math.toIntExact(Objects.requireNonNullElse(lng(price, "period"), 1L));
        String product = id(requiredStr(price, "item_id"));
        List<RecurringItem> result = new ArrayList<>();
        BilledLine state = null;
        LocalDate from = null;
        LocalDate paidTo = null;
        boolean begun = false;
        for (BilledLine line : history) {
            // the trial is never invoiced: the first line's state holds from the subscription's start
            LocalDate lineFrom = !begun && !line.removed() && trialEnd != null && !line.from().isAfter(trialEnd)
                    && started.isBefore(line.from()) ? started : line.from();
            if (end != null && !lineFrom.isBefore(end)) {
                break;
            }
            if (line.removed()) {
                // taken off the subscription that day: the state ends, a later fact starts a new one
                if (state != null) {
                    add(result, subscriptionId, customer, product, state, from, lineFrom, trialEnd, interval, count,
                            bundle);
                }
                state = null;
                paidTo = null;
                continue;
            }
            begun = true;
            if (state == null) {
                state = line;
                from = lineFrom;
            } else if (line.fact() != Fact.CHANGE && paidTo != null && paidTo.isBefore(lineFrom)) {
                add(result, subscriptionId, customer, product, state, from, paidTo, trialEnd, interval, count, bundle);
                state = line;
                from = lineFrom;
            } else if (!state.sameState(line) && lineFrom.isAfter(from)) {
                add(result, subscriptionId, customer, product, state, from, lineFrom, trialEnd, interval, count,
                        bundle);
                state = line;
                from = lineFrom;
            } else if (!state.sameState(line)) {
                state = line; // re-billed from the same day: the later invoice holds
            }
            if (line.fact() != Fact.CHANGE) {
                paidTo = paidTo == null || line.to().isAfter(paidTo) ? line.to() : paidTo;
            }
        }
        if (state != null) {
            add(result, subscriptionId, customer, product, state, from, end, trialEnd, interval, count, bundle);
        }
        return result;
    }

    private void add(List<RecurringItem> result, String subscriptionId, String customer, String product,
                     BilledLine state, LocalDate from, LocalDate to, LocalDate trialEnd, BillingInterval interval,
                     int count, String bundle) {
        if (to != null && !to.isAfter(from)) {
            return;
        }
        LocalDate trial = trialEnd != null && trialEnd.isAfter(from) ? trialEnd : null;
        result.add(new RecurringItem(id(subscriptionId + ":" + state.lineId() + ":" + from), id(customer), product,
                id(subscriptionId), from, to, state.unitAmount(), BigDecimal.valueOf(state.quantity()),
                state.currency(), interval, count, state.percentOff(), state.amountOff(), trial, bundle));
    }

    private static BillingInterval interval(JsonObject price) {
        String unit = str(price, "period_unit");
        if (unit == null) {
            throw new Json.MappingProblem("period_unit", "item price " + str(price, "id")
                    + " has no period_unit: not a recurring price");
        }
        return switch (unit) {
            case "day" -> BillingInterval.DAY;
            case "week" -> BillingInterval.WEEK;
            case "month" -> BillingInterval.MONTH;
            case "year" -> BillingInterval.YEAR;
            default -> throw new Json.MappingProblem("period_unit", "'" + unit + "' is not day, week, month or year");
        };
    }
}
