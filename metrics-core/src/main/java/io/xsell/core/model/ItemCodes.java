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

    /** The columns {@link #codesInto} reads, in the order of its arrays. */
    public static final int START = 0;
    public static final int TRIAL_END = 1;
    public static final int END = 2;
    public static final int CURRENCY = 3;
    public static final int UNIT_AMOUNT = 4;
    public static final int QUANTITY = 5;
    public static final int DISCOUNT_PERCENT = 6;
    public static final int DISCOUNT_AMOUNT = 7;
    /** {@link BillingInterval} ordinals. */
    public static final int INTERVAL = 8;
    public static final int INTERVAL_COUNT = 9;
    public static final int PRODUCT = 10;
    public static final int BUNDLE = 11;
    public static final int COLUMNS = 12;

    private final ItemColumns items;
    private final NarrowInts[] columns;

    ItemCodes(ItemColumns items) {
        this.items = items;
        this.columns = new NarrowInts[] {items.start.codes(), items.trialEnd.codes(), items.end.codes(),
            items.currency.codes(), items.unitAmount.codes(), items.quantity.codes(), items.discountPercent.codes(),
            items.discountAmount.codes(), items.interval, items.intervalCount, items.product.codes(),
            items.bundle.codes()};
    }

    /**
     * The codes of rows {@code [from, to)}, column {@code c} ({@link #START} to {@link #BUNDLE}) into
     * {@code into[c][0, to - from)}: a block of rows read column by column through one call site, so
     * a hot loop that calls this carries one copy of the column reading, not one per column.
     */
    public void codesInto(int from, int to, int[][] into) {
        for (int c = 0; c < COLUMNS; c++) {
            columns[c].copyTo(from, to, into[c]);
        }
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
