package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dataset's recurring items as the codes its columns hold ({@link ItemColumns}), read without
 * building a {@link RecurringItem}: row {@code k} is the {@code k}-th item of
 * {@link TenantDataset#items()}. Each repeating field is a {@link DictionaryColumn} (a code per row,
 * 0 for none, and the value of each code, the very instance {@code items().get(k)} would hold);
 * interval and interval count are read as they are. Work that depends only on a field's value can
 * then be done once per code (pricing: {@code io.xsell.core.mrr}). A read-only view: nothing here
 * can change the dataset.
 */
public final class ItemCodes {
    private static final BillingInterval[] INTERVALS = BillingInterval.values();

    private final ItemColumns items;
    private final DictionaryColumn<String> product;
    private final DictionaryColumn<LocalDate> start;
    private final DictionaryColumn<LocalDate> end;
    private final DictionaryColumn<BigDecimal> unitAmount;
    private final DictionaryColumn<BigDecimal> quantity;
    private final DictionaryColumn<String> currency;
    private final NarrowInts interval;
    private final NarrowInts intervalCount;
    private final DictionaryColumn<BigDecimal> discountPercent;
    private final DictionaryColumn<BigDecimal> discountAmount;
    private final DictionaryColumn<LocalDate> trialEnd;
    private final DictionaryColumn<String> bundle;

    ItemCodes(ItemColumns items, DictionaryColumn<String> product, DictionaryColumn<LocalDate> start,
              DictionaryColumn<LocalDate> end, DictionaryColumn<BigDecimal> unitAmount,
              DictionaryColumn<BigDecimal> quantity, DictionaryColumn<String> currency, NarrowInts interval,
              NarrowInts intervalCount, DictionaryColumn<BigDecimal> discountPercent,
              DictionaryColumn<BigDecimal> discountAmount, DictionaryColumn<LocalDate> trialEnd,
              DictionaryColumn<String> bundle) {
        this.items = items;
        this.product = product;
        this.start = start;
        this.end = end;
        this.unitAmount = unitAmount;
        this.quantity = quantity;
        this.currency = currency;
        this.interval = interval;
        this.intervalCount = intervalCount;
        this.discountPercent = discountPercent;
        this.discountAmount = discountAmount;
        this.trialEnd = trialEnd;
        this.bundle = bundle;
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /** The position in {@link TenantDataset#customers()} of the customer of item {@code row}. */
    public int customerOf(int row) {
        return items.customerOf(row);
    }

    /** Product ids; never code 0. */
    public DictionaryColumn<String> product() {
        return product;
    }

    /** Start dates; never code 0. */
    public DictionaryColumn<LocalDate> start() {
        return start;
    }

    /** End dates; code 0 for an item still active. */
    public DictionaryColumn<LocalDate> end() {
        return end;
    }

    /** Unit amounts; never code 0. */
    public DictionaryColumn<BigDecimal> unitAmount() {
        return unitAmount;
    }

    /** Quantities; never code 0. */
    public DictionaryColumn<BigDecimal> quantity() {
        return quantity;
    }

    /** Currency codes (upper case, as {@link RecurringItem#currency()}); never code 0. */
    public DictionaryColumn<String> currency() {
        return currency;
    }

    /** Discount percentages; code 0 for none. */
    public DictionaryColumn<BigDecimal> discountPercent() {
        return discountPercent;
    }

    /** Discount amounts; code 0 for none. */
    public DictionaryColumn<BigDecimal> discountAmount() {
        return discountAmount;
    }

    /** Trial ends; code 0 for no trial. */
    public DictionaryColumn<LocalDate> trialEnd() {
        return trialEnd;
    }

    /** Bundle ids; code 0 for an item not sold in a bundle. */
    public DictionaryColumn<String> bundle() {
        return bundle;
    }

    public BillingInterval interval(int row) {
        return INTERVALS[interval.get(row)];
    }

    public int intervalCount(int row) {
        return intervalCount.get(row);
    }
}
