package io.xsell.core.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Collects recurring items one at a time into an {@link ItemsImage}, so that a reader of millions of
 * items never holds them as objects all at once: an item costs its id's characters, a bit for its
 * customer run and one for its subscription run, and a code per repeating field while it is
 * collected (a byte or two: see {@link IntSequence}). Customers are kept by id until {@link #build}
 * turns each run's id into the customer's position. Two halves that may be filled on two threads at
 * once: {@link Keys} (ids, customers, subscriptions) and {@link Values} (the repeating fields);
 * {@link #add} fills both. Not thread-safe otherwise.
 */
public final class ItemsImageBuilder {
    private static final int INITIAL_ROWS = 16;
    private static final int PASS = 1 << 12; // rows whose codes are copied out at a time

    private final Keys keys;
    private final Values values;

    public ItemsImageBuilder() {
        this(INITIAL_ROWS);
    }

    /**
     * A builder whose run bits have room for {@code expectedRows} rows before they grow (a reader that
     * knows how many items come spares the copies of growing; the per-row codes grow in blocks and
     * never copy); more rows may be added.
     */
    public ItemsImageBuilder(int expectedRows) {
        int rows = Math.max(INITIAL_ROWS, expectedRows);
        keys = new Keys(rows);
        values = new Values();
    }

    /** Adds {@code item} as the next row. */
    public void add(RecurringItem item) {
        keys.add(item);
        values.add(item);
    }

    /**
     * Adds the next row from an item's fields, without an item: the fields are checked as the
     * {@link RecurringItem} constructor checks them, with the same exceptions, and kept as given
     * (the currency upper case, as an item keeps it). A reader that shares equal values between
     * rows (dates, amounts, ids) has them shared in the image's dictionaries too.
     *
     * @throws IllegalArgumentException or {@link NullPointerException} as {@code new RecurringItem(...)}
     *                                  would for these fields; the row is then not added
     */
    public void add(String id, String customerId, String productId, String subscriptionId, LocalDate startDate,
                    LocalDate endDate, BigDecimal unitAmount, BigDecimal quantity, String currency,
                    BillingInterval interval, int intervalCount, BigDecimal discountPercent,
                    BigDecimal discountAmount, LocalDate trialEnd, String bundleId) {
        add(id, customerId, -1, productId, subscriptionId, startDate, endDate, unitAmount, quantity, currency,
                interval, intervalCount, discountPercent, discountAmount, trialEnd, bundleId);
    }

    /**
     * As {@link #add(String, String, String, String, LocalDate, LocalDate, BigDecimal, BigDecimal, String,
     * BillingInterval, int, BigDecimal, BigDecimal, LocalDate, String)}, with the customer's position in
     * the index {@link #build} will be given, when the reader knows it ({@code -1} when not): a row that
     * starts a customer's run then needs no lookup of its id when the image is built.
     */
    public void add(String id, String customerId, int customerPosition, String productId, String subscriptionId,
                    LocalDate startDate, LocalDate endDate, BigDecimal unitAmount, BigDecimal quantity,
                    String currency, BillingInterval interval, int intervalCount, BigDecimal discountPercent,
                    BigDecimal discountAmount, LocalDate trialEnd, String bundleId) {
        String code = RecurringItem.validate(id, customerId, productId, subscriptionId, startDate, endDate,
                unitAmount, quantity, currency, interval, intervalCount, discountPercent, discountAmount, bundleId);
        keys.add(id, customerId, customerPosition, subscriptionId);
        values.add(productId, startDate, endDate, unitAmount, quantity, code, interval, intervalCount,
                discountPercent, discountAmount, trialEnd, bundleId);
    }

    /** The number of items added. */
    public int size() {
        return values.rows;
    }

    /**
     * The rows, in order, whose currency and start date {@code accepted} refuses. It is asked once per
     * distinct pair of the two (a few thousand for millions of rows), not once per row: a check that
     * depends on nothing else (a rate known by the start) costs a pass over two code columns.
     */
    public int[] rowsRefused(BiPredicate<String, LocalDate> accepted) {
        Codes<String> currencies = values.currency;
        Codes<LocalDate> starts = values.start;
        // per currency code, per start code: 0 not asked yet, 1 accepted, 2 refused (code 0 is no value)
        byte[][] verdicts = new byte[currencies.distinct.size() + 1][];
        int[] currencyCodes = new int[PASS];
        int[] startCodes = new int[PASS];
        int[] refused = new int[16];
        int count = 0;
        for (int from = 0; from < values.rows; from += PASS) {
            int n = Math.min(PASS, values.rows - from);
            currencies.codes.copyTo(from, from + n, currencyCodes, 0);
            starts.codes.copyTo(from, from + n, startCodes, 0);
            for (int i = 0; i < n; i++) {
                int currency = currencyCodes[i];
                int start = startCodes[i];
                byte[] byStart = verdicts[currency];
                if (byStart == null) {
                    byStart = verdicts[currency] = new byte[starts.distinct.size() + 1];
                }
                if (byStart[start] == 0) {
                    byStart[start] = accepted.test(currencies.decoded(currency), starts.decoded(start)) ? (byte) 1 : 2;
                }
                if (byStart[start] == 2) {
                    if (count == refused.length) {
                        refused = Arrays.copyOf(refused, 2 * count);
                    }
                    refused[count++] = from + i;
                }
            }
        }
        return Arrays.copyOf(refused, count);
    }

    /** The currency of row {@code row}. */
    public String currency(int row) {
        return values.currency.value(row);
    }

    /** The start date of row {@code row}. */
    public LocalDate startDate(int row) {
        return values.start.value(row);
    }

    /**
     * The image of the items added, each run's customer id turned into its position in
     * {@code customerIndex}; the builder is not used afterwards.
     *
     * @throws IllegalArgumentException naming a customer id that {@code customerIndex} does not hold
     */
    public ItemsImage build(Map<String, Integer> customerIndex) {
        return image(keys, values, customerIndex);
    }

    /**
     * The columns of the items added, narrowed straight from the builder's blocks; the builder is not
     * used afterwards. For {@link TenantDataset#fromImage(String, List, List, List, ItemsImageBuilder,
     * Map, ChargesImage)}.
     */
    ItemColumns columns(Map<String, Integer> customerIndex, List<Customer> customers, Map<Object, Object> canonical) {
        return ItemColumns.of(keys, values, customerIndex, customers, canonical);
    }

    /**
     * Visits every row, in order, with the fields {@link TenantDataset#of} checks across records.
     * Each row's customer id is the instance its run keeps (the first row's of the run).
     */
    void forEachItem(ItemVisitor visitor) {
        int run = -1;
        int offset = 0;
        for (int row = 0; row < values.rows; row++) {
            if (keys.customerRuns.startsRun(row)) {
                run++;
            }
            int length = keys.ids.length(row);
            visitor.item(keys.ids.string(offset, length), keys.customerOfRun.get(run), values.product.value(row),
                    values.currency.value(row), values.start.value(row));
            offset += length;
        }
    }

    /** The fields of one item that the checks across records read. */
    @FunctionalInterface
    interface ItemVisitor {
        void item(String id, String customerId, String productId, String currency, LocalDate startDate);
    }

    Keys keys() {
        return keys;
    }

    Values values() {
        return values;
    }

    static ItemsImage image(Keys keys, Values values, Map<String, Integer> customerIndex) {
        int runs = keys.subscriptionRuns;
        long[] none = Arrays.copyOf(keys.runsWithoutSubscription.toLongArray(), (runs + 63) >>> 6);
        return new ItemsImage(keys.ids.image(), keys.customerRuns.build().starts(), keys.customerPositions(customerIndex),
                keys.subscriptionRunStarts.build().starts(), keys.subscriptionOfRun.image(), none,
                values.product.image(), values.start.image(), values.end.image(), values.unitAmount.image(),
                values.quantity.image(), values.currency.image(), values.interval.drain(),
                values.intervalCount.drain(), values.discountPercent.image(),
                values.discountAmount.image(), values.trialEnd.image(), values.bundle.image());
    }

    /** The ids, customers and subscriptions of the items, in order. */
    static final class Keys {
        private final StringsCollector ids = new StringsCollector();
        private final RunIndex.Builder customerRuns;
        private final List<String> customerOfRun = new ArrayList<>();
        private final IntSequence positionOfRun = new IntSequence(); // as the reader knew it, or -1
        private final RunIndex.Builder subscriptionRunStarts;
        private final StringsCollector subscriptionOfRun = new StringsCollector();
        private final BitSet runsWithoutSubscription = new BitSet();
        private String lastCustomer;
        private String lastSubscription;
        private int subscriptionRuns;

        Keys() {
            this(INITIAL_ROWS);
        }

        Keys(int rows) {
            customerRuns = new RunIndex.Builder(rows);
            subscriptionRunStarts = new RunIndex.Builder(rows);
        }

        void add(RecurringItem item) {
            add(item.id(), item.customerId(), -1, item.subscriptionId());
        }

        void add(String itemId, String customer, int position, String id) {
            ids.add(itemId);
            // a customer's items follow each other, mostly with one id instance
            boolean newCustomer = customer != lastCustomer && !customer.equals(lastCustomer);
            customerRuns.add(newCustomer);
            if (newCustomer) {
                lastCustomer = customer;
                customerOfRun.add(customer);
                positionOfRun.add(position);
            }
            int runs = subscriptionRuns;
            boolean lastHadNone = runs > 0 && runsWithoutSubscription.get(runs - 1);
            boolean newSubscription = runs == 0
                    || (id == null ? !lastHadNone : lastHadNone || !id.equals(lastSubscription));
            subscriptionRunStarts.add(newSubscription);
            if (newSubscription) {
                runsWithoutSubscription.set(runs, id == null);
                subscriptionOfRun.add(id == null ? "" : id);
                lastSubscription = id;
                subscriptionRuns++;
            }
        }

        StringsCollector ids() {
            return ids;
        }

        RunIndex customerRuns() {
            return customerRuns.build();
        }

        RunIndex subscriptionRunIndex() {
            return subscriptionRunStarts.build();
        }

        StringsCollector subscriptionOfRun() {
            return subscriptionOfRun;
        }

        BitSet runsWithoutSubscription() {
            return runsWithoutSubscription;
        }

        int subscriptionRuns() {
            return subscriptionRuns;
        }

        int[] customerPositions(Map<String, Integer> customerIndex) {
            int[] positions = positionOfRun.drain();
            for (int run = 0; run < positions.length; run++) {
                if (positions[run] >= 0 && positions[run] < customerIndex.size()) {
                    continue;
                }
                Integer position = customerIndex.get(customerOfRun.get(run));
                if (position == null) {
                    throw new IllegalArgumentException("item customers: unknown customer_id '"
                            + customerOfRun.get(run) + "'");
                }
                positions[run] = position;
            }
            return positions;
        }
    }

    /** The repeating fields of the items, each as its distinct values and a code per row. */
    static final class Values {
        private final Codes<String> product = new Codes<>();
        private final Codes<LocalDate> start = new Codes<>();
        private final Codes<LocalDate> end = new Codes<>();
        private final Codes<BigDecimal> unitAmount = new Codes<>();
        private final Codes<BigDecimal> quantity = new Codes<>();
        private final Codes<String> currency = new Codes<>();
        private final Codes<BigDecimal> discountPercent = new Codes<>();
        private final Codes<BigDecimal> discountAmount = new Codes<>();
        private final Codes<LocalDate> trialEnd = new Codes<>();
        private final Codes<String> bundle = new Codes<>();
        // The coded fields in the order add takes them: coded in one loop, so that the JIT compiles the
        // coding once rather than once per field, in every method this is inlined into.
        private final Codes<?>[] coded = {product, start, end, unitAmount, quantity, currency, discountPercent,
                discountAmount, trialEnd, bundle};
        private final Object[] row = new Object[coded.length];
        private final IntSequence interval = new IntSequence();
        private final IntSequence intervalCount = new IntSequence();
        private int rows;

        Codes<String> product() {
            return product;
        }

        Codes<LocalDate> start() {
            return start;
        }

        Codes<LocalDate> end() {
            return end;
        }

        Codes<BigDecimal> unitAmount() {
            return unitAmount;
        }

        Codes<BigDecimal> quantity() {
            return quantity;
        }

        Codes<String> currency() {
            return currency;
        }

        Codes<BigDecimal> discountPercent() {
            return discountPercent;
        }

        Codes<BigDecimal> discountAmount() {
            return discountAmount;
        }

        Codes<LocalDate> trialEnd() {
            return trialEnd;
        }

        Codes<String> bundle() {
            return bundle;
        }

        IntSequence interval() {
            return interval;
        }

        IntSequence intervalCount() {
            return intervalCount;
        }

        void add(RecurringItem item) {
            add(item.productId(), item.startDate(), item.endDate(), item.unitAmount(), item.quantity(),
                    item.currency(), item.interval(), item.intervalCount(), item.discountPercent(),
                    item.discountAmount(), item.trialEnd(), item.bundleId());
        }

        void add(String productId, LocalDate startDate, LocalDate endDate, BigDecimal unit, BigDecimal units,
                 String currencyCode, BillingInterval billingInterval, int count, BigDecimal percent,
                 BigDecimal discount, LocalDate trial, String bundleId) {
            Object[] fields = row;
            fields[0] = productId;
            fields[1] = startDate;
            fields[2] = endDate;
            fields[3] = unit;
            fields[4] = units;
            fields[5] = currencyCode;
            fields[6] = percent;
            fields[7] = discount;
            fields[8] = trial;
            fields[9] = bundleId;
            for (int field = 0; field < fields.length; field++) {
                coded[field].addValue(fields[field]);
            }
            interval.add(billingInterval.ordinal());
            intervalCount.add(count);
            rows++;
        }
    }

    /** One repeating field: its distinct values and a code per row, 0 for none. */
    static final class Codes<T> {
        private final DistinctValues<T> distinct = new DistinctValues<>();
        private final IntSequence codes = new IntSequence();

        void add(T value) {
            codes.add(value == null ? 0 : distinct.number(value) + 1);
        }

        /** As {@link #add}, for a value of this field's type that the caller holds untyped. */
        @SuppressWarnings("unchecked")
        void addValue(Object value) {
            add((T) value);
        }

        /** The value of {@code code}: null for 0. */
        T decoded(int code) {
            return code == 0 ? null : distinct.values().get(code - 1);
        }

        T value(int row) {
            int code = codes.get(row);
            return code == 0 ? null : distinct.values().get(code - 1);
        }

        DictionaryImage<T> image() {
            return new DictionaryImage<>(List.copyOf(distinct.values()), codes.drain());
        }

        /** The column, its codes narrowed from their blocks; equal values shared through {@code canonical}. */
        DictionaryColumn<T> column(Map<Object, Object> canonical) {
            return DictionaryColumn.of(distinct.values(), codes.drainNarrow(), canonical);
        }

        /** As {@link #column}, each value the JVM's one instance of its currency code, as records keep them. */
        @SuppressWarnings("unchecked")
        DictionaryColumn<String> currencyColumn(Map<Object, Object> canonical) {
            List<String> codes = ((List<String>) distinct.values()).stream().map(CurrencyCode::require).toList();
            return DictionaryColumn.of(codes, this.codes.drainNarrow(), canonical);
        }
    }
}
