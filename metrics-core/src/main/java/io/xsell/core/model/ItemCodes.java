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

    ItemCodes(ItemColumns items) {
        this.items = items;
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
        return items.product;
    }

    /** Start dates; never code 0. */
    public DictionaryColumn<LocalDate> start() {
        return items.start;
    }

    /** End dates; code 0 for an item still active. */
    public DictionaryColumn<LocalDate> end() {
        return items.end;
    }

    /** Unit amounts; never code 0. */
    public DictionaryColumn<BigDecimal> unitAmount() {
        return items.unitAmount;
    }

    /** Quantities; never code 0. */
    public DictionaryColumn<BigDecimal> quantity() {
        return items.quantity;
    }

    /** Currency codes (upper case, as {@link RecurringItem#currency()}); never code 0. */
    public DictionaryColumn<String> currency() {
        return items.currency;
    }

    /** Discount percentages; code 0 for none. */
    public DictionaryColumn<BigDecimal> discountPercent() {
        return items.discountPercent;
    }

    /** Discount amounts; code 0 for none. */
    public DictionaryColumn<BigDecimal> discountAmount() {
        return items.discountAmount;
    }

    /** Trial ends; code 0 for no trial. */
    public DictionaryColumn<LocalDate> trialEnd() {
        return items.trialEnd;
    }

    /** Bundle ids; code 0 for an item not sold in a bundle. */
    public DictionaryColumn<String> bundle() {
        return items.bundle;
    }

    /** The intervals of rows {@code [from, to)} into {@code into[0, to - from)}, as {@link BillingInterval} ordinals. */
    public void intervalsInto(int from, int to, int[] into) {
        items.interval.copyTo(from, to, into);
    }

    /** The interval counts of rows {@code [from, to)} into {@code into[0, to - from)}. */
    public void intervalCountsInto(int from, int to, int[] into) {
        items.intervalCount.copyTo(from, to, into);
    }

    public BillingInterval interval(int row) {
        return INTERVALS[items.interval.get(row)];
    }

    public int intervalCount(int row) {
        return items.intervalCount.get(row);
    }
}
