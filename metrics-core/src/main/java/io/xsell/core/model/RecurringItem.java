package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One priced, recurring component held by a customer over {@code [startDate, endDate)}.
 * A price or quantity change is a new item; the old one ends the day the new one starts.
 *
 * @param endDate        first day no longer active; null while still active
 * @param discountAmount per billing interval, in the item's currency; null for none
 * @param trialEnd       first paying day; the item earns no MRR before it. Null for no trial
 * @param bundleId       set when the item was sold as part of a bundle
 */
public record RecurringItem(
        String id,
        String customerId,
        String productId,
        String subscriptionId,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal unitAmount,
        BigDecimal quantity,
        String currency,
        BillingInterval interval,
        int intervalCount,
        BigDecimal discountPercent,
        BigDecimal discountAmount,
        LocalDate trialEnd,
        String bundleId) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RecurringItem {
        currency = validate(id, customerId, productId, subscriptionId, startDate, endDate, unitAmount, quantity,
                currency, interval, intervalCount, discountPercent, discountAmount, bundleId);
    }

    /**
     * The rules an item's fields must follow, checked in the order the constructor checks them: what
     * {@link ItemsImageBuilder} checks too when it takes an item's fields without an item.
     *
     * @return the currency as the item keeps it (upper case)
     */
    static String validate(String id, String customerId, String productId, String subscriptionId,
                           LocalDate startDate, LocalDate endDate, BigDecimal unitAmount, BigDecimal quantity,
                           String currency, BillingInterval interval, int intervalCount,
                           BigDecimal discountPercent, BigDecimal discountAmount, String bundleId) {
        Ids.require(id, "item_id");
        Ids.require(customerId, "customer_id");
        Ids.require(productId, "product_id");
        Objects.requireNonNull(startDate, "start_date");
        Objects.requireNonNull(unitAmount, "unit_amount");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(interval, "interval");
        Bounds.optionalId(subscriptionId, "subscription_id");
        Bounds.optionalId(bundleId, "bundle_id");
        Bounds.magnitude(unitAmount, "unit_amount");
        Bounds.magnitude(quantity, "quantity");
        Bounds.magnitude(discountPercent, "discount_percent");
        Bounds.magnitude(discountAmount, "discount_amount");
        String code = CurrencyCode.require(currency);
        if (endDate != null && !endDate.isAfter(startDate)) {
            throw new IllegalArgumentException("end_date " + endDate + " must be after start_date " + startDate);
        }
        if (unitAmount.signum() < 0) {
            throw new IllegalArgumentException("unit_amount must be >= 0, was " + unitAmount);
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
        }
        if (intervalCount < 1 || intervalCount > Bounds.COUNT_MAX) {
            throw new IllegalArgumentException("interval_count must be between 1 and " + Bounds.COUNT_MAX + ", was "
                    + intervalCount);
        }
        // two digits before the point are under 100 whatever the scale: no rescaling compare for nearly every row
        if (discountPercent != null && (discountPercent.signum() < 0
                || discountPercent.precision() - discountPercent.scale() > 2 && discountPercent.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("discount_percent must be between 0 and 100, was " + discountPercent);
        }
        if (discountAmount != null && discountAmount.signum() < 0) {
            throw new IllegalArgumentException("discount_amount must be >= 0, was " + discountAmount);
        }
        return code;
    }

    /** First day the item earns MRR: its start, or its trial end when that is later. */
    public LocalDate activeFrom() {
        return trialEnd != null && trialEnd.isAfter(startDate) ? trialEnd : startDate;
    }

    /** True when the item earns MRR on {@code day}. */
    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(activeFrom()) && (endDate == null || day.isBefore(endDate));
    }

    public static Builder builder(String id, String customerId, String productId) {
        return new Builder(id, customerId, productId);
    }

    /** Convenience for tests, fixtures and adapters: every optional field defaults to absent. */
    public static final class Builder {
        private final String id;
        private final String customerId;
        private final String productId;
        private String subscriptionId;
        private LocalDate startDate;
        private LocalDate endDate;
        private BigDecimal unitAmount = BigDecimal.ZERO;
        private BigDecimal quantity = BigDecimal.ONE;
        private String currency = "USD";
        private BillingInterval interval = BillingInterval.MONTH;
        private int intervalCount = 1;
        private BigDecimal discountPercent;
        private BigDecimal discountAmount;
        private LocalDate trialEnd;
        private String bundleId;

        private Builder(String id, String customerId, String productId) {
            this.id = id;
            this.customerId = customerId;
            this.productId = productId;
        }

        public Builder subscription(String value) { subscriptionId = value; return this; }
        public Builder start(LocalDate value) { startDate = value; return this; }
        public Builder start(String isoDate) { return start(LocalDate.parse(isoDate)); }
        public Builder end(LocalDate value) { endDate = value; return this; }
        public Builder end(String isoDate) { return end(LocalDate.parse(isoDate)); }
        public Builder unitAmount(BigDecimal value) { unitAmount = value; return this; }
        public Builder unitAmount(String value) { return unitAmount(new BigDecimal(value)); }
        public Builder quantity(BigDecimal value) { quantity = value; return this; }
        public Builder quantity(long value) { return quantity(BigDecimal.valueOf(value)); }
        public Builder currency(String value) { currency = value; return this; }
        public Builder interval(BillingInterval value) { interval = value; return this; }
        public Builder intervalCount(int value) { intervalCount = value; return this; }
        public Builder discountPercent(String value) { discountPercent = new BigDecimal(value); return this; }
        public Builder discountAmount(String value) { discountAmount = new BigDecimal(value); return this; }
        public Builder trialEnd(LocalDate value) { trialEnd = value; return this; }
        public Builder trialEnd(String isoDate) { return trialEnd(LocalDate.parse(isoDate)); }
        public Builder bundle(String value) { bundleId = value; return this; }

        public RecurringItem build() {
            return new RecurringItem(id, customerId, productId, subscriptionId, startDate, endDate, unitAmount,
                    quantity, currency, interval, intervalCount, discountPercent, discountAmount, trialEnd, bundleId);
        }
    }
}
