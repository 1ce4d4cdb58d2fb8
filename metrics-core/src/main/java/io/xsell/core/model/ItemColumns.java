package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
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

    private ItemColumns(List<Customer> customers, PackedStrings ids, RunIndex customerRuns, NarrowInts customerOfRun,
                        RunIndex subscriptionRuns, PackedStrings subscriptionOfRun, BitSet runsWithoutSubscription,
                        DictionaryColumn<String> product, DictionaryColumn<LocalDate> start,
                        DictionaryColumn<LocalDate> end, DictionaryColumn<BigDecimal> unitAmount,
                        DictionaryColumn<BigDecimal> quantity, DictionaryColumn<String> currency, NarrowInts interval,
                        NarrowInts intervalCount, DictionaryColumn<BigDecimal> discountPercent,
                        DictionaryColumn<BigDecimal> discountAmount, DictionaryColumn<LocalDate> trialEnd,
                        DictionaryColumn<String> bundle) {
        this.customers = customers;
        this.ids = ids;
        this.customerRuns = customerRuns;
        this.customerOfRun = customerOfRun;
        this.subscriptionRuns = subscriptionRuns;
        this.subscriptionOfRun = subscriptionOfRun;
        this.runsWithoutSubscription = runsWithoutSubscription;
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

    /** Columns straight from an image that {@link ItemsImageCheck} has passed. */
    private static ItemColumns of(List<Customer> customers, ItemsImage image, RunIndex customerRuns,
                                  RunIndex subscriptionRuns, Map<Object, Object> canonical) {
        int rows = image.size();
        return new ItemColumns(customers, PackedStrings.of(image.ids(), "item ids"), customerRuns,
                NarrowInts.of(image.customerOfRun(), image.customerOfRun().length), subscriptionRuns,
                PackedStrings.of(image.subscriptionOfRun(), "item subscriptions"),
                BitSet.valueOf(image.runsWithoutSubscription()), DictionaryColumn.of(image.product(), canonical),
                DictionaryColumn.of(image.start(), canonical), DictionaryColumn.of(image.end(), canonical),
                DictionaryColumn.of(image.unitAmount(), canonical), DictionaryColumn.of(image.quantity(), canonical),
                DictionaryColumn.of(ItemsImageCheck.currencies(image.currency()), canonical),
                NarrowInts.of(image.interval(), rows), NarrowInts.of(image.intervalCount(), rows),
                DictionaryColumn.of(image.discountPercent(), canonical),
                DictionaryColumn.of(image.discountAmount(), canonical), DictionaryColumn.of(image.trialEnd(), canonical),
                DictionaryColumn.of(image.bundle(), canonical));
    }

    /**
     * Columns straight from a builder's halves, each narrowed from its blocks (no {@code int[]} per
     * column in between, as an {@link ItemsImage} would hold); the builder is not used afterwards.
     * Its rows were checked as they were added, its customers as they are looked up here.
     *
     * @throws IllegalArgumentException naming a customer id that {@code customerIndex} does not hold
     */
    static ItemColumns of(ItemsImageBuilder.Keys keys, ItemsImageBuilder.Values values,
                          Map<String, Integer> customerIndex, List<Customer> customers, Map<Object, Object> canonical) {
        int[] positions = keys.customerPositions(customerIndex);
        NarrowInts customerOfRun = NarrowInts.of(positions, positions.length);
        positions = null; // a humongous array G1 can free at the next young collection
        RunIndex customerRuns = keys.customerRuns();
        int runs = keys.subscriptionRuns();
        return new ItemColumns(customers, keys.ids().packed(), customerRuns, customerOfRun, keys.subscriptionRunIndex(),
                keys.subscriptionOfRun().packed(),
                BitSet.valueOf(Arrays.copyOf(keys.runsWithoutSubscription().toLongArray(), (runs + 63) >>> 6)),
                values.product().column(canonical), values.start().column(canonical), values.end().column(canonical),
                values.unitAmount().column(canonical), values.quantity().column(canonical),
                values.currency().currencyColumn(canonical), values.interval().drainNarrow(),
                values.intervalCount().drainNarrow(), values.discountPercent().column(canonical),
                values.discountAmount().column(canonical), values.trialEnd().column(canonical),
                values.bundle().column(canonical));
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
        return of(customers, image, check.customerRuns(), check.subscriptionRuns(), canonical);
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
     * ids, customers and subscriptions ({@link #keys}), and the repeating values ({@link #values});
     * or of the rows a filled {@link ItemsImageBuilder} holds, whose halves are built already.
     */
    static final class Build {
        private final List<RecurringItem> items;
        private final ItemsImageBuilder filled;
        private final ItemsImageBuilder.Keys keys;
        private final ItemsImageBuilder.Values values;
        private Map<String, Integer> customerIndex;

        Build(List<RecurringItem> items) {
            this.items = items;
            this.filled = null;
            this.keys = new ItemsImageBuilder.Keys();
            this.values = new ItemsImageBuilder.Values();
        }

        /** The rows of {@code filled}, which is not used afterwards. */
        Build(ItemsImageBuilder filled) {
            this.items = List.of();
            this.filled = filled;
            this.keys = filled.keys();
            this.values = filled.values();
        }

        /** The number of items. */
        int size() {
            return filled != null ? filled.size() : items.size();
        }

        /** Visits every item, in order, with the fields the checks across records read. */
        void forEachItem(ItemsImageBuilder.ItemVisitor visitor) {
            if (filled != null) {
                filled.forEachItem(visitor);
                return;
            }
            for (RecurringItem item : items) {
                visitor.item(item.id(), item.customerId(), item.productId(), item.currency(), item.startDate());
            }
        }

        /** The repeating values; needs nothing checked first. */
        void values() {
            for (RecurringItem item : items) {
                values.add(item);
            }
        }

        /** The ids, customers and subscriptions; every item's customer must be in {@code customerIndex}. */
        void keys(Map<String, Integer> customerIndex) {
            for (RecurringItem item : items) {
                keys.add(item);
            }
            this.customerIndex = customerIndex;
        }

        /**
         * The columns, once both halves are built (and their builds seen by this thread).
         *
         * @param canonical shares equal values with the dataset's other columns
         */
        ItemColumns finish(List<Customer> customers, Map<Object, Object> canonical) {
            return of(keys, values, customerIndex, customers, canonical);
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
}
