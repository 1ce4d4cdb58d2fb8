package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A dataset's recurring items kept as columns, read back as {@link RecurringItem}s on demand.
 * One object per item with its own id string, dates and amounts took about 150 bytes an item;
 * here an item costs its id's characters and length, a bit for each of its customer and its
 * subscription (whose items follow each other: one value per run, see {@link RunIndex}), and one
 * narrow code per repeating field (product, dates, amounts, currency, interval, bundle), about 35
 * bytes at a million customers. Every field reads back equal to what was stored (amounts with their
 * scale), the customer id as the very instance the customer holds, and equal dates and amounts as
 * one shared instance. Each {@link #get} builds a new item: callers that hold items keep their own.
 */
final class ItemColumns extends AbstractList<RecurringItem> implements RandomAccess {
    private static final BillingInterval[] INTERVALS = BillingInterval.values();

    private final List<Customer> customers;
    private final PackedStrings ids;
    private final RunIndex customerRuns;
    private final NarrowInts customerOfRun;
    private final DictionaryColumn<String> product;
    private final RunIndex subscriptionRuns;
    private final PackedStrings subscriptionOfRun;
    private final BitSet runsWithoutSubscription;
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
        this.customerRuns = c.customerRuns.build();
        this.customerOfRun = NarrowInts.of(c.customerOfRun, c.customerRunCount);
        this.product = c.product.build();
        this.subscriptionRuns = c.subscriptionRuns.build();
        this.subscriptionOfRun = PackedStrings.of(c.subscriptionOfRun);
        this.runsWithoutSubscription = c.runsWithoutSubscription;
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
        int customer = customerOfRun.get(customerRuns.runOf(row));
        int subscriptionRun = subscriptionRuns.runOf(row);
        String subscription = runsWithoutSubscription.get(subscriptionRun) ? null
                : subscriptionOfRun.get(subscriptionRun);
        return new RecurringItem(ids.get(row), customers.get(customer).id(), product.get(row), subscription,
                start.get(row), end.get(row), unitAmount.get(row),
                quantity.get(row), currency.get(row), INTERVALS[interval.get(row)], intervalCount.get(row),
                discountPercent.get(row), discountAmount.get(row), trialEnd.get(row), bundle.get(row));
    }

    @Override
    public int size() {
        return ids.size();
    }

    /** Adds the columns to {@code f}; the customers they index are the dataset's to count. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(18 * HeapFootprint.REF) + ids.retainedBytes() + customerRuns.retainedBytes()
                + customerOfRun.retainedBytes() + subscriptionRuns.retainedBytes() + subscriptionOfRun.retainedBytes()
                + HeapFootprint.object(HeapFootprint.REF + 8)
                + HeapFootprint.longArray(runsWithoutSubscription.size() / 64) + interval.retainedBytes()
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
        final RunIndex.Builder customerRuns = new RunIndex.Builder();
        int[] customerOfRun = new int[16];
        int customerRunCount;
        final DictionaryColumn.Builder<String> product;
        final RunIndex.Builder subscriptionRuns = new RunIndex.Builder();
        final List<String> subscriptionOfRun = new ArrayList<>();
        final BitSet runsWithoutSubscription = new BitSet();
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
            addCustomer(customerIndex);
            product.add(item.productId());
            addSubscription(item.subscriptionId());
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

        private void addCustomer(int customerIndex) {
            boolean starts = row == 0 || customerOfRun[customerRunCount - 1] != customerIndex;
            customerRuns.add(starts);
            if (starts) {
                if (customerRunCount == customerOfRun.length) {
                    customerOfRun = Arrays.copyOf(customerOfRun, customerRunCount * 2);
                }
                customerOfRun[customerRunCount++] = customerIndex;
            }
        }

        private void addSubscription(String id) {
            int runs = subscriptionOfRun.size();
            boolean starts = row == 0 || (id == null ? !runsWithoutSubscription.get(runs - 1)
                    : runsWithoutSubscription.get(runs - 1) || !id.equals(subscriptionOfRun.get(runs - 1)));
            subscriptionRuns.add(starts);
            if (starts) {
                runsWithoutSubscription.set(runs, id == null);
                subscriptionOfRun.add(id == null ? "" : id);
            }
        }
    }
}
