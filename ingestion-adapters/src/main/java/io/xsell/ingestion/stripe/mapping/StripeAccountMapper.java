package io.xsell.ingestion.stripe.mapping;

import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.provider.LineOverride;
import static io.xsell.ingestion.stripe.mapping.StripeAmounts.day;

import com.stripe.model.Coupon;
import com.stripe.model.Discount;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.ApiResource;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.InvalidFieldException;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.StripeSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one Stripe account's objects into the canonical model. The rules, field by field, are in
 * docs/stripe.md; the ones that shape the numbers:
 * <ul>
 *   <li>item periods come from invoice lines over the whole history, so past price, quantity and
 *   discount changes are kept; the subscription's own state only decides how the last period ends;</li>
 *   <li>recurring coupons ({@code forever}, {@code repeating} while they apply) reduce MRR,
 *   {@code once} coupons do not (a one-off concession, like a credit);</li>
 *   <li>{@code past_due} stays active; {@code unpaid} churns from the start of the unpaid period,
 *   {@code canceled} from {@code ended_at}, {@code paused} from the trial end;
 *   {@code cancel_at_period_end} keeps MRR until {@code cancel_at};</li>
 *   <li>metered prices earn, from each period's close, the amount billed for that period.</li>
 * </ul>
 */
public final class StripeAccountMapper {

    private final MappingSettings settings;
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Price> prices = new HashMap<>();
    private final Map<String, Coupon> coupons = new HashMap<>();
    private final Map<String, String> couponOfDiscount = new HashMap<>();
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, List<BilledPeriod>> periodsByItem = new HashMap<>();
    private final Map<String, java.util.Set<String>> itemsBySubscription = new HashMap<>();
    private final Map<String, SubscriptionItem> itemRecords = new HashMap<>();
    private final java.util.Set<String> invoiceIds = new java.util.HashSet<>();
    private final List<OneTimeCharge> charges = new ArrayList<>();

    private StripeAccountMapper(MappingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @throws io.xsell.core.model.InvalidDatasetException when the result breaks a dataset rule, most
     *                                                     often a currency with no FX rate
     */
    public static TenantDataset map(StripeSnapshot snapshot, MappingSettings settings) {
        return new StripeAccountMapper(settings).run(snapshot);
    }

    private TenantDataset run(StripeSnapshot snapshot) {
        snapshot.forEach(StripeObjectType.PRODUCT, json -> {
            com.stripe.model.Product product = parse(json, com.stripe.model.Product.class);
            naming("product", product.getId(), () -> product(product));
        });
        snapshot.forEach(StripeObjectType.PRICE, json -> {
            Price price = parse(json, Price.class);
            prices.put(price.getId(), price);
        });
        snapshot.forEach(StripeObjectType.COUPON, json -> {
            Coupon coupon = parse(json, Coupon.class);
            coupons.put(coupon.getId(), coupon);
        });
        snapshot.forEach(StripeObjectType.CUSTOMER, json -> {
            com.stripe.model.Customer customer = parse(json, com.stripe.model.Customer.class);
            naming("customer", customer.getId(), () -> customer(customer));
        });
        snapshot.forEach(StripeObjectType.SUBSCRIPTION, json -> {
            Subscription subscription = parse(json, Subscription.class);
            subscriptions.put(subscription.getId(), subscription);
            rememberDiscounts(subscription.getDiscountObjects());
            if (subscription.getItems() != null && subscription.getItems().getData() != null) {
                subscription.getItems().getData().forEach(i -> rememberDiscounts(i.getDiscountObjects()));
            }
        });
        snapshot.forEach(StripeObjectType.DISCOUNT, json -> rememberDiscounts(List.of(parse(json, Discount.class))));
        snapshot.forEach(StripeObjectType.SUBSCRIPTION_ITEM, json -> {
            SubscriptionItem item = parse(json, SubscriptionItem.class);
            itemRecords.put(item.getId(), item);
            rememberDiscounts(item.getDiscountObjects());
            if (item.getSubscription() != null) {
                itemsBySubscription.computeIfAbsent(item.getSubscription(), k -> new java.util.LinkedHashSet<>())
                        .add(item.getId());
            }
        });
        snapshot.forEach(StripeObjectType.INVOICE, json -> {
            Invoice invoice = parse(json, Invoice.class);
            naming("invoice", invoice.getId(), () -> invoice(invoice));
        });
        snapshot.forEach(StripeObjectType.INVOICE_ITEM, json -> {
            InvoiceItem item = parse(json, InvoiceItem.class);
            naming("invoiceitem", item.getId(), () -> invoiceItem(item));
        });
        snapshot.forEach(StripeObjectType.ITEM_CHANGE, json -> itemChange(com.google.gson.JsonParser.parseString(json)
                .getAsJsonObject()));
        snapshot.forEach(StripeObjectType.SUBSCRIPTION_SCHEDULE, json -> {
            com.google.gson.JsonObject schedule = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            naming("subscription_schedule", schedule.get("id").getAsString(),
                    () -> ScheduledChanges.of(schedule).forEach(this::scheduledChange));
        });

        List<RecurringItem> items = new ArrayList<>();
        for (Subscription subscription : subscriptions.values()) {
            naming("subscription", subscription.getId(),
                    () -> items.addAll(new SubscriptionHistory(this, subscription).items()));
        }
        items.sort(Comparator.comparing(RecurringItem::customerId).thenComparing(RecurringItem::startDate)
                .thenComparing(RecurringItem::id));
        return TenantDataset.of(settings.reportingCurrency(), List.copyOf(customers.values()),
                List.copyOf(products.values()), items, charges, settings.fxRates());
    }

    /**
     * A value beyond the model's bounds (a 1,000,000-character name, a 400-digit amount) fails the
     * mapping, and so the sync, naming the Stripe object it came from; nothing of the account is stored.
     */
    private static void naming(String object, String id, Runnable mapping) {
        try {
            mapping.run();
        } catch (InvalidFieldException e) {
            throw new InvalidDatasetException(List.of(object + " " + id + ", field " + e.field() + ": " + e.getMessage()));
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        return ApiResource.GSON.fromJson(json, type);
    }

    private void product(com.stripe.model.Product stripe) {
        Map<String, String> metadata = stripe.getMetadata() == null ? Map.of() : stripe.getMetadata();
        LineOverride override = settings.lineOverrides().get(stripe.getId());
        String line = override != null ? override.productLine()
                : blankToNull(metadata.get("product_line")) != null ? metadata.get("product_line").trim()
                : id(stripe.getId());
        LineKind kind = override != null && override.kind() != null ? override.kind()
                : blankToNull(metadata.get("kind")) != null ? LineKind.parse(metadata.get("kind").trim())
                : LineKind.MODULE;
        BigDecimal margin = blankToNull(metadata.get("gross_margin")) == null ? null
                : new BigDecimal(metadata.get("gross_margin").trim());
        products.put(stripe.getId(), new Product(id(stripe.getId()), stripe.getName(), line, kind, margin));
    }

    private void customer(com.stripe.model.Customer stripe) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (stripe.getMetadata() != null) {
            stripe.getMetadata().forEach((key, value) -> {
                if (blankToNull(value) != null) {
                    attributes.put(key, value);
                }
            });
        }
        customers.put(stripe.getId(), new Customer(id(stripe.getId()), stripe.getName(),
                stripe.getCreated() == null ? null : day(stripe.getCreated()), attributes));
    }

    private void rememberDiscounts(List<Discount> discounts) {
        if (discounts == null) {
            return;
        }
        for (Discount discount : discounts) {
            if (discount != null && discount.getSource() != null && discount.getSource().getCoupon() != null) {
                couponOfDiscount.put(discount.getId(), discount.getSource().getCoupon());
            }
        }
    }

    private void invoice(Invoice invoice) {
        // a void invoice was never owed: its periods were not sold
        invoiceIds.add(invoice.getId());
        if ("void".equals(invoice.getStatus()) || invoice.getLines() == null) {
            return;
        }
        rememberDiscounts(invoice.getDiscountObjects());
        for (InvoiceLineItem line : invoice.getLines().getData()) {
            rememberDiscounts(line.getDiscountObjects());
            InvoiceLineItem.Parent parent = line.getParent();
            if (parent == null || parent.getSubscriptionItemDetails() == null || line.getPeriod() == null
                    || line.getPricing() == null || line.getPricing().getPriceDetails() == null) {
                continue;
            }
            InvoiceLineItem.Parent.SubscriptionItemDetails details = parent.getSubscriptionItemDetails();
            itemsBySubscription.computeIfAbsent(details.getSubscription(), k -> new java.util.LinkedHashSet<>())
                    .add(details.getSubscriptionItem());
            Map<String, Long> discountAmounts = new LinkedHashMap<>();
            long discount = 0;
            if (line.getDiscountAmounts() != null) {
                for (InvoiceLineItem.DiscountAmount amount : line.getDiscountAmounts()) {
                    long value = amount.getAmount() == null ? 0 : amount.getAmount();
                    discountAmounts.merge(amount.getDiscount(), value, Long::sum);
                    discount += value;
                }
            }
            BigDecimal quantity = line.getQuantityDecimal() != null ? line.getQuantityDecimal()
                    : BigDecimal.valueOf(line.getQuantity() == null ? 1 : line.getQuantity());
            periodsByItem.computeIfAbsent(details.getSubscriptionItem(), k -> new ArrayList<>()).add(new BilledPeriod(
                    details.getSubscriptionItem(), details.getSubscription(), day(line.getPeriod().getStart()),
                    day(line.getPeriod().getEnd()), line.getPricing().getPriceDetails().getPrice(), quantity,
                    Boolean.TRUE.equals(details.getProration()), line.getAmount() == null ? 0 : line.getAmount(),
                    discount, discountAmounts, false));
        }
    }

    /**
     * A proration of a subscription item not yet on an invoice: with Stripe's default
     * {@code create_prorations}, a mid-period change leaves these pending until the next invoice.
     * Their period starts when the change happened. Once invoiced, the invoice's line says the same.
     */
    private void pendingProration(InvoiceItem item) {
        InvoiceItem.Parent.SubscriptionDetails details = item.getParent().getSubscriptionDetails();
        if (details.getSubscriptionItem() == null || item.getPeriod() == null || item.getPricing() == null
                || item.getPricing().getPriceDetails() == null
                || item.getInvoice() != null && invoiceIds.contains(item.getInvoice())) {
            return;
        }
        itemsBySubscription.computeIfAbsent(details.getSubscription(), k -> new java.util.LinkedHashSet<>())
                .add(details.getSubscriptionItem());
        BigDecimal quantity = item.getQuantityDecimal() != null ? item.getQuantityDecimal()
                : BigDecimal.valueOf(item.getQuantity() == null ? 1 : item.getQuantity());
        periodsByItem.computeIfAbsent(details.getSubscriptionItem(), k -> new ArrayList<>()).add(new BilledPeriod(
                details.getSubscriptionItem(), details.getSubscription(), day(item.getPeriod().getStart()),
                day(item.getPeriod().getEnd()), item.getPricing().getPriceDetails().getPrice(), quantity, true,
                item.getAmount() == null ? 0 : item.getAmount(), 0, pendingDiscounts(item), false));
    }

    /**
     * The discounts a pending proration names (Stripe copies the subscription's discounts in force at
     * the change onto the proration items); null when it names none, so the subscription's current
     * discounts apply, as they will on the invoice.
     */
    private static Map<String, Long> pendingDiscounts(InvoiceItem item) {
        Map<String, Long> discounts = new LinkedHashMap<>();
        if (item.getDiscounts() != null) {
            item.getDiscounts().stream().filter(Objects::nonNull).forEach(id -> discounts.put(id, 0L));
        }
        // Stripe's default (proration_discounts=included) names every discount here, with amount 0
        if (item.getProrationDetails() != null && item.getProrationDetails().getDiscountAmounts() != null) {
            item.getProrationDetails().getDiscountAmounts().stream().filter(a -> a != null && a.getDiscount() != null)
                    .forEach(a -> discounts.putIfAbsent(a.getDiscount(), 0L));
        }
        return discounts.isEmpty() ? null : discounts;
    }

    /** An item's new state (or its removal) on the day an event says it changed. */
    private void itemChange(com.google.gson.JsonObject change) {
        String item = change.get("subscription_item").getAsString();
        String subscription = change.get("subscription").getAsString();
        itemsBySubscription.computeIfAbsent(subscription, k -> new java.util.LinkedHashSet<>()).add(item);
        Map<String, Long> discounts = new LinkedHashMap<>();
        change.getAsJsonArray("discounts").forEach(d -> discounts.put(d.getAsString(), 0L));
        LocalDate at = day(change.get("at").getAsLong());
        periodsByItem.computeIfAbsent(item, k -> new ArrayList<>()).add(new BilledPeriod(item, subscription, at, at,
                change.get("price").isJsonNull() ? null : change.get("price").getAsString(),
                BigDecimal.valueOf(change.get("quantity").getAsLong()), true, 0, 0, discounts,
                change.get("removed").getAsBoolean()));
    }

    /**
     * A schedule's phase set an item's price and quantity on its start day. The phase names a price,
     * not an item: it is the subscription's item of the same product (a phase item of a product the
     * subscription never had an item for is left to the item's own facts once it exists). It dates
     * a change nothing else dates (made with {@code proration_behavior=none}, read by a backfill).
     */
    private void scheduledChange(ScheduledChanges.Change change) {
        Price price = prices.get(change.priceId());
        if (price == null) {
            return;
        }
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>(
                itemsBySubscription.getOrDefault(change.subscription(), java.util.Set.of()));
        Subscription subscription = subscriptions.get(change.subscription());
        if (subscription != null && subscription.getItems() != null && subscription.getItems().getData() != null) {
            subscription.getItems().getData().forEach(i -> candidates.add(i.getId()));
        }
        for (String itemId : candidates) {
            SubscriptionItem item = itemRecords.get(itemId);
            if (item == null && subscription != null && subscription.getItems() != null) {
                item = subscription.getItems().getData().stream().filter(i -> i.getId().equals(itemId)).findFirst()
                        .orElse(null);
            }
            if (item != null && item.getPrice() != null && Objects.equals(item.getPrice().getProduct(),
                    price.getProduct())) {
                List<BilledPeriod> facts = periodsByItem.computeIfAbsent(itemId, k -> new ArrayList<>());
                if (facts.stream().anyMatch(p -> p.start().equals(change.day()))) {
                    // a line, proration or event of that day says more (discounts billed): the phase adds nothing
                    return;
                }
                itemsBySubscription.computeIfAbsent(change.subscription(), k -> new java.util.LinkedHashSet<>())
                        .add(itemId);
                facts.add(new BilledPeriod(itemId,
                        change.subscription(), change.day(), change.day(), change.priceId(),
                        BigDecimal.valueOf(change.quantity()), true, 0, 0, null, false));
                return;
            }
        }
    }

    /** One-off invoice items are one-time charges; prorations belong to their subscription's periods. */
    private void invoiceItem(InvoiceItem item) {
        rememberDiscounts(item.getDiscountObjects());
        if (item.getParent() != null && item.getParent().getSubscriptionDetails() != null) {
            if (Boolean.TRUE.equals(item.getProration())) {
                pendingProration(item);
            }
            return;
        }
        if (Boolean.TRUE.equals(item.getProration())) {
            return;
        }
        String product = item.getPricing() == null || item.getPricing().getPriceDetails() == null ? null
                : item.getPricing().getPriceDetails().getProduct();
        charges.add(new OneTimeCharge(id(item.getId()), customerId(item.getCustomer()),
                product == null ? null : productId(product), day(item.getDate()),
                StripeAmounts.major(item.getAmount(), item.getCurrency()), StripeAmounts.currency(item.getCurrency()),
                item.getDescription()));
    }

    // ---- lookups used while building items ----

    String id(String stripeId) {
        return settings.idPrefix() + stripeId;
    }

    /** The canonical id of a customer; one Stripe no longer returns (deleted) is kept with no attributes. */
    String customerId(String stripeCustomer) {
        return customers.computeIfAbsent(stripeCustomer, c -> new Customer(id(c), null, null, Map.of())).id();
    }

    /** The canonical id of a product; one Stripe no longer returns (deleted) is its own line. */
    String productId(String stripeProduct) {
        return products.computeIfAbsent(stripeProduct, p -> Product.standalone(id(p))).id();
    }

    java.util.Set<String> itemsOfSubscription(String subscriptionId) {
        return itemsBySubscription.getOrDefault(subscriptionId, java.util.Set.of());
    }

    Price price(String priceId) {
        return prices.get(priceId);
    }

    List<BilledPeriod> periods(String subscriptionItem) {
        return periodsByItem.getOrDefault(subscriptionItem, List.of());
    }

    /** The recurring coupons among {@code discountIds}, sorted: {@code once} coupons never shape MRR. */
    List<String> recurringCoupons(List<String> discountIds) {
        List<String> result = new ArrayList<>();
        for (String discountId : discountIds) {
            String couponId = couponOf(discountId);
            Coupon coupon = coupons.get(couponId);
            if (coupon != null && !"once".equals(coupon.getDuration()) && !result.contains(couponId)) {
                result.add(couponId);
            }
        }
        result.sort(null);
        return result;
    }

    /** The item as last seen on its subscription, removed ones included; null if never seen. */
    SubscriptionItem itemRecord(String itemId) {
        return itemRecords.get(itemId);
    }

    /** The coupon behind a discount id; the id itself when unknown (a legacy coupon id). */
    String couponOf(String discountId) {
        return couponOfDiscount.getOrDefault(discountId, discountId);
    }

    /** Discount ids behind the subscription's current discounts, expanded or not. */
    List<String> currentDiscountIds(Subscription subscription) {
        // ids whether Stripe expanded them (backfill lists) or not (event payloads)
        return subscription.getDiscounts() == null ? List.of()
                : subscription.getDiscounts().stream().filter(Objects::nonNull).toList();
    }

    Coupon coupon(String couponId) {
        return coupons.get(couponId);
    }

    static BillingInterval interval(Price.Recurring recurring) {
        return BillingInterval.parse(recurring.getInterval());
    }

    static boolean isPresentIn(Subscription subscription, String itemId) {
        if (subscription.getItems() == null || subscription.getItems().getData() == null) {
            return false;
        }
        for (SubscriptionItem item : subscription.getItems().getData()) {
            if (itemId.equals(item.getId())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
