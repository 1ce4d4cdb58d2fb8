package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A dataset's recurring items kept as columns, read back as {@link RecurringItem}s on demand.
 * One object per item with its own id string, dates and amounts took about 150 bytes an item;
 * here an item costs its id's characters plus an offset, its customer's index, and one narrow code
 * per repeating field (product, subscription, dates, amounts, currency, interval, bundle), about
 * 45 bytes. Every field reads back equal to what was stored (amounts with their scale), the customer
 * id as the very instance the customer holds, and equal dates and amounts as one shared instance.
 * Each {@link #get} builds a new item: callers that hold items keep their own.
 */
final class ItemColumns extends AbstractList<RecurringItem> implements RandomAccess {
    private static final BillingInterval[] INTERVALS = BillingInterval.values();

    private final List<Customer> customers;
    private final PackedStrings ids;
    private final NarrowInts customer;
    private final DictionaryColumn<String> product;
    private final PackedStrings subscriptionIds;
    private final NarrowInts subscription;
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

    private ItemColumns(List<Customer> customers, Columns c) {
        this.customers = customers;
        this.ids = PackedStrings.of(c.ids);
        this.customer = NarrowInts.of(c.customer, c.rows);
        this.product = c.product.build();
        this.subscriptionIds = PackedStrings.of(c.subscriptionIds);
        this.subscription = NarrowInts.of(c.subscription, c.rows);
        this.start = c.start.build();
        this.end = c.end.build();
        this.unitAmount = c.unitAmount.build();
        this.quantity = c.quantity.build();
        this.currency = c.currency.build();
        this.interval = NarrowInts.of(c.interval, c.rows);
        this.intervalCount = NarrowInts.of(c.intervalCount, c.rows);
        this.discountPercent = c.discountPercent.build();
        this.discountAmount = c.discountAmount.build();
        this.trialEnd = c.trialEnd.build();
        this.bundle = c.bundle.build();
    }

    /**
     * The columns of {@code items}, whose customers are all in {@code customerIndex} (an index into
     * {@code customers}); {@code canonical} shares equal values with the dataset's other columns.
     */
    static ItemColumns of(List<RecurringItem> items, List<Customer> customers, Map<String, Integer> customerIndex,
                          Map<Object, Object> canonical) {
        Columns c = new Columns(items.size(), canonical);
        String lastCustomer = null;
        int lastIndex = -1;
        for (RecurringItem item : items) {
            if (!item.customerId().equals(lastCustomer)) { // a customer's items mostly follow each other
                lastCustomer = item.customerId();
                lastIndex = customerIndex.get(lastCustomer);
            }
            c.add(item, lastIndex);
        }
        return new ItemColumns(customers, c);
    }

    @Override
    public RecurringItem get(int row) {
        int sub = subscription.get(row);
        return new RecurringItem(ids.get(row), customers.get(customer.get(row)).id(), product.get(row),
                sub == 0 ? null : subscriptionIds.get(sub - 1), start.get(row), end.get(row), unitAmount.get(row),
                quantity.get(row), currency.get(row), INTERVALS[interval.get(row)], intervalCount.get(row),
                discountPercent.get(row), discountAmount.get(row), trialEnd.get(row), bundle.get(row));
    }

    @Override
    public int size() {
        return ids.size();
    }

    /** Adds the columns to {@code f}; the customers they index are the dataset's to count. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(17 * HeapFootprint.REF) + ids.retainedBytes() + customer.retainedBytes()
                + subscriptionIds.retainedBytes() + subscription.retainedBytes() + interval.retainedBytes()
                + intervalCount.retainedBytes());
        for (DictionaryColumn<?> column : List.of(product, start, end, unitAmount, quantity, currency,
                discountPercent, discountAmount, trialEnd, bundle)) {
            column.addTo(f);
        }
    }

    /** The columns while they are filled, row by row. */
    private static final class Columns {
        final int rows;
        final List<String> ids;
        final int[] customer;
        final DictionaryColumn.Builder<String> product;
        final List<String> subscriptionIds = new ArrayList<>();
        final int[] subscription;
        final DictionaryColumn.Builder<LocalDate> start;
        final DictionaryColumn.Builder<LocalDate> end;
        final DictionaryColumn.Builder<BigDecimal> unitAmount;
        final DictionaryColumn.Builder<BigDecimal> quantity;
        final DictionaryColumn.Builder<String> currency;
        final int[] interval;
        final int[] intervalCount;
        final DictionaryColumn.Builder<BigDecimal> discountPercent;
        final DictionaryColumn.Builder<BigDecimal> discountAmount;
        final DictionaryColumn.Builder<LocalDate> trialEnd;
        final DictionaryColumn.Builder<String> bundle;
        private int row;

        Columns(int rows, Map<Object, Object> canonical) {
            this.rows = rows;
            this.ids = new ArrayList<>(rows);
            this.customer = new int[rows];
            this.subscription = new int[rows];
            this.interval = new int[rows];
            this.intervalCount = new int[rows];
            this.product = new DictionaryColumn.Builder<>(rows, canonical);
            this.start = new DictionaryColumn.Builder<>(rows, canonical);
            this.end = new DictionaryColumn.Builder<>(rows, canonical);
            this.unitAmount = new DictionaryColumn.Builder<>(rows, canonical);
            this.quantity = new DictionaryColumn.Builder<>(rows, canonical);
            this.currency = new DictionaryColumn.Builder<>(rows, canonical);
            this.discountPercent = new DictionaryColumn.Builder<>(rows, canonical);
            this.discountAmount = new DictionaryColumn.Builder<>(rows, canonical);
            this.trialEnd = new DictionaryColumn.Builder<>(rows, canonical);
            this.bundle = new DictionaryColumn.Builder<>(rows, canonical);
        }

        void add(RecurringItem item, int customerIndex) {
            ids.add(item.id());
            customer[row] = customerIndex;
            product.add(item.productId());
            subscription[row] = subscriptionCode(item.subscriptionId());
            start.add(item.startDate());
            end.add(item.endDate());
            unitAmount.add(item.unitAmount());
            quantity.add(item.quantity());
            currency.add(item.currency());
            interval[row] = item.interval().ordinal();
            intervalCount[row] = item.intervalCount();
            discountPercent.add(item.discountPercent());
            discountAmount.add(item.discountAmount());
            trialEnd.add(item.trialEnd());
            bundle.add(item.bundleId());
            row++;
        }

        /**
         * A subscription's items follow each other in every export, and nearly every subscription
         * is a value of its own, so a row repeating the previous row's id shares its code and any
         * other id is stored again: no lookup over a million ids, and the id still reads back.
         */
        private int subscriptionCode(String id) {
            if (id == null) {
                return 0;
            }
            int size = subscriptionIds.size();
            if (size == 0 || !id.equals(subscriptionIds.get(size - 1))) {
                subscriptionIds.add(id);
                size++;
            }
            return size;
        }
    }
}
