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
 * narrow code per repeating field (product, dates, amounts, currency, interval, bundle), about 30
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
    private final RunIndex subscriptionRuns;
    private final PackedStrings subscriptionOfRun;
    private final BitSet runsWithoutSubscription;
    // the repeating values: read by ItemCodes too
    final DictionaryColumn<String> product;
    final DictionaryColumn<LocalDate> start;
    final DictionaryColumn<LocalDate> end;
    final DictionaryColumn<BigDecimal> unitAmount;
    final DictionaryColumn<BigDecimal> quantity;
    final DictionaryColumn<String> currency;
    final NarrowInts interval;
    final NarrowInts intervalCount;
    final DictionaryColumn<BigDecimal> discountPercent;
    final DictionaryColumn<BigDecimal> discountAmount;
    final DictionaryColumn<LocalDate> trialEnd;
    final DictionaryColumn<String> bundle;

    private ItemColumns(List<Customer> customers, Keys k, Values v) {
        this.customers = customers;
        this.ids = k.ids;
        this.customerRuns = k.customerRuns;
        this.customerOfRun = k.customerOfRun;
        this.subscriptionRuns = k.subscriptionRuns;
        this.subscriptionOfRun = k.subscriptionOfRun;
        this.runsWithoutSubscription = k.runsWithoutSubscription;
        this.product = v.product.build();
        this.start = v.start.build();
        this.end = v.end.build();
        this.unitAmount = v.unitAmount.build();
        this.quantity = v.quantity.build();
        this.currency = v.currency.build();
        this.interval = NarrowInts.of(v.interval, v.rows);
        this.intervalCount = NarrowInts.of(v.intervalCount, v.rows);
        this.discountPercent = v.discountPercent.build();
        this.discountAmount = v.discountAmount.build();
        this.trialEnd = v.trialEnd.build();
        this.bundle = v.bundle.build();
    }

    /** Columns straight from an image that {@link ItemsImageCheck} has passed. */
    private ItemColumns(List<Customer> customers, ItemsImage image, RunIndex customerRuns, RunIndex subscriptionRuns,
                        Map<Object, Object> canonical) {
        int rows = image.size();
        this.customers = customers;
        this.ids = PackedStrings.of(image.ids(), "item ids");
        this.customerRuns = customerRuns;
        this.customerOfRun = NarrowInts.of(image.customerOfRun(), image.customerOfRun().length);
        this.subscriptionRuns = subscriptionRuns;
        this.subscriptionOfRun = PackedStrings.of(image.subscriptionOfRun(), "item subscriptions");
        this.runsWithoutSubscription = BitSet.valueOf(image.runsWithoutSubscription());
        this.product = DictionaryColumn.of(image.product(), canonical);
        this.start = DictionaryColumn.of(image.start(), canonical);
        this.end = DictionaryColumn.of(image.end(), canonical);
        this.unitAmount = DictionaryColumn.of(image.unitAmount(), canonical);
        this.quantity = DictionaryColumn.of(image.quantity(), canonical);
        this.currency = DictionaryColumn.of(ItemsImageCheck.currencies(image.currency()), canonical);
        this.interval = NarrowInts.of(image.interval(), rows);
        this.intervalCount = NarrowInts.of(image.intervalCount(), rows);
        this.discountPercent = DictionaryColumn.of(image.discountPercent(), canonical);
        this.discountAmount = DictionaryColumn.of(image.discountAmount(), canonical);
        this.trialEnd = DictionaryColumn.of(image.trialEnd(), canonical);
        this.bundle = DictionaryColumn.of(image.bundle(), canonical);
    }

    /**
     * The columns of {@code image}, after {@link ItemsImageCheck} has checked every length, code and
     * position against {@code customers} and {@code products}.
     *
     * @throws IllegalArgumentException naming the first column that does not fit
     */
    static ItemColumns of(ItemsImage image, List<Customer> customers, Map<String, Product> products, FxRates fx,
                          Map<Object, Object> canonical) {
        ItemsImageCheck check = new ItemsImageCheck(image, customers.size(), products, fx);
        return new ItemColumns(customers, image, check.customerRuns(), check.subscriptionRuns(), canonical);
    }

    /** The columns as plain arrays (copies). */
    ItemsImage image() {
        int runs = subscriptionOfRun.size();
        BitSet none = runsWithoutSubscription.get(0, runs);
        return new ItemsImage(ids.image(), customerRuns.starts(), customerOfRun.toArray(), subscriptionRuns.starts(),
                subscriptionOfRun.image(), Arrays.copyOf(none.toLongArray(), (runs + 63) >>> 6), product.image(),
                start.image(), end.image(), unitAmount.image(), quantity.image(), currency.image(), interval.toArray(),
                intervalCount.toArray(), discountPercent.image(), discountAmount.image(), trialEnd.image(),
                bundle.image());
    }

    /**
     * The columns of {@code items}, built in two halves that may run on two threads at once: the
     * ids, customers and subscriptions ({@link #keys}), and the repeating values ({@link #values}).
     */
    static final class Build {
        private final List<RecurringItem> items;
        private final Map<Object, Object> canonical;
        private Keys keys;
        private Values values;

        /** @param canonical shares equal values with the dataset's other columns */
        Build(List<RecurringItem> items, Map<Object, Object> canonical) {
            this.items = items;
            this.canonical = canonical;
        }

        /** The repeating values; needs nothing checked first. */
        void values() {
            Values v = new Values(items.size(), canonical);
            for (RecurringItem item : items) {
                v.add(item);
            }
            values = v;
        }

        /** The ids, customers and subscriptions; every item's customer must be in {@code customerIndex}. */
        void keys(Map<String, Integer> customerIndex) {
            keys = new Keys(items, customerIndex);
        }

        /** The columns, once both halves are built (and their builds seen by this thread). */
        ItemColumns finish(List<Customer> customers) {
            return new ItemColumns(customers, keys, values);
        }
    }

    /** The index among the dataset's customers of the customer of item {@code row}. */
    int customerOf(int row) {
        return customerOfRun.get(customerRuns.runOf(row));
    }

    @Override
    public RecurringItem get(int row) {
        int customer = customerOf(row);
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

    /** The ids, customers and subscriptions of the items, as they will be kept. */
    private static final class Keys {
        final PackedStrings ids;
        final RunIndex customerRuns;
        final NarrowInts customerOfRun;
        final RunIndex subscriptionRuns;
        final PackedStrings subscriptionOfRun;
        final BitSet runsWithoutSubscription;

        Keys(List<RecurringItem> items, Map<String, Integer> customerIndex) {
            List<String> idList = new ArrayList<>(items.size());
            RunIndex.Builder customers = new RunIndex.Builder();
            int[] customerOf = new int[16];
            int customerCount = 0;
            RunIndex.Builder subscriptions = new RunIndex.Builder();
            BitSet runsWithoutSubscription = new BitSet();
            List<String> subscriptionOf = new ArrayList<>();
            String lastCustomer = null;
            for (RecurringItem item : items) {
                idList.add(item.id());
                boolean newCustomer = !item.customerId().equals(lastCustomer); // a customer's items follow each other
                customers.add(newCustomer);
                if (newCustomer) {
                    lastCustomer = item.customerId();
                    if (customerCount == customerOf.length) {
                        customerOf = Arrays.copyOf(customerOf, customerCount * 2);
                    }
                    customerOf[customerCount++] = customerIndex.get(lastCustomer);
                }
                String id = item.subscriptionId();
                int runs = subscriptionOf.size();
                boolean newSubscription = runs == 0 || (id == null ? !runsWithoutSubscription.get(runs - 1)
                        : runsWithoutSubscription.get(runs - 1) || !id.equals(subscriptionOf.get(runs - 1)));
                subscriptions.add(newSubscription);
                if (newSubscription) {
                    runsWithoutSubscription.set(runs, id == null);
                    subscriptionOf.add(id == null ? "" : id);
                }
            }
            this.ids = PackedStrings.of(idList);
            this.customerRuns = customers.build();
            this.customerOfRun = NarrowInts.of(customerOf, customerCount);
            this.subscriptionRuns = subscriptions.build();
            this.subscriptionOfRun = PackedStrings.of(subscriptionOf);
            // trimmed to its last set bit, as one rebuilt from an image is, so both weigh the same
            this.runsWithoutSubscription = BitSet.valueOf(runsWithoutSubscription.toLongArray());
        }
    }

    /** The repeating values of the items while they are collected, row by row. */
    private static final class Values {
        final int rows;
        final DictionaryColumn.Builder<String> product;
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

        Values(int rows, Map<Object, Object> canonical) {
            this.rows = rows;
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

        void add(RecurringItem item) {
            product.add(item.productId());
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
    }
}
