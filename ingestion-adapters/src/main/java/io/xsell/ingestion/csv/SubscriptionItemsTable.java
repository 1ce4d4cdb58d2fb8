package io.xsell.ingestion.csv;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.IntSequence;
import io.xsell.core.model.ItemsImageBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/** subscription_items.csv: one row per recurring item period. */
final class SubscriptionItemsTable extends ParallelTable<SubscriptionItemsTable.Prepared> implements ReferencingTable {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // BillingInterval.parse lower-cases every constant's name per call; a map looks a code up without garbage.
    private static final Map<String, BillingInterval> INTERVALS = new LinkedHashMap<>();

    static {
        for (BillingInterval interval : BillingInterval.values()) {
            INTERVALS.put(interval.code(), interval);
        }
    }

    private final PendingReferences references;
    // Rows become columns as they are kept: a million items never exist as objects all at once.
    private final ItemsImageBuilder items = new ItemsImageBuilder();
    private final IntSequence itemLines = new IntSequence(); // the line of each row kept
    // No reference looks an item up: ids are only checked for repeats, as rows are kept or, in a file
    // that can be read again if one may repeat, once it is read.
    private final RepeatCheck ids;
    private boolean mayRepeat;
    private final Map<String, Integer> firstLineByCurrency = new LinkedHashMap<>();
    private Col itemId;
    private Col customerId;
    private Col productId;
    private Col subscriptionId;
    private Col startDate;
    private Col endDate;
    private Col unitAmount;
    private Col quantity;
    private Col currency;
    private Col interval;
    private Col intervalCount;
    private Col discountPercent;
    private Col discountAmount;
    private Col trialEnd;
    private Col bundleId;

    /**
     * @param checkIdsAtTheEnd check the ids for repeats only once the file is read, by their hashes
     *                         ({@link IdHashes}): for a file that can be read again, with repeats
     *                         checked as rows are kept, if {@link #mustBeReadAgain} says so
     */
    SubscriptionItemsTable(ErrorCollector errors, CustomersTable customers, ProductsTable products,
                           boolean checkIdsAtTheEnd) {
        super(ImportFile.SUBSCRIPTION_ITEMS, errors);
        this.references = new PendingReferences(customers, products, errors);
        this.ids = checkIdsAtTheEnd ? new IdHashes() : new RepeatedIds();
    }

    /**
     * True when the ids were checked at the end and two may be equal: nothing read may be used, and the
     * file must be read again by a table that checks repeats as rows are kept, to name them.
     */
    boolean mustBeReadAgain() {
        return mayRepeat;
    }

    @Override
    public boolean begin(Header header) {
        itemId = header.required("item_id");
        customerId = header.required("customer_id");
        productId = header.required("product_id");
        subscriptionId = header.optional("subscription_id");
        startDate = header.required("start_date");
        endDate = header.optional("end_date");
        unitAmount = header.required("unit_amount");
        quantity = header.optional("quantity");
        currency = header.required("currency");
        interval = header.required("interval");
        intervalCount = header.optional("interval_count");
        discountPercent = header.optional("discount_percent");
        discountAmount = header.optional("discount_amount");
        trialEnd = header.optional("trial_end");
        bundleId = header.optional("bundle_id");
        return header.complete();
    }

    @Override
    public void expectRows(int rows) {
        ids.reserve(rows);
    }

    @Override
    public void ended() {
        mayRepeat = ids.ended();
    }

    @Override
    public ParallelRows.Preparer<Prepared> preparer() {
        return new Preparer();
    }

    @Override
    public int commitAll(Object[] prepared, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!(prepared[i] instanceof Prepared row)) {
                return i;
            }
            commit(row);
        }
        return to;
    }

    /**
     * Keeps a row in file order: its id against the earlier ones, its references, the errors its cells
     * had, then the item, so the report reads as if the row had been checked in one go.
     */
    @Override
    public void commit(Prepared row) {
        int line = row.line();
        boolean duplicate = row.id() != null
                && repeated(ids.earlierLine(row.id(), line, row.idRecorded()), row.id(), line, itemId);
        // What the worker did not find is looked up again here, which keeps it for the check after all files.
        if (!row.customerKnown()) {
            references.customer(line, row.customer());
        }
        if (!row.productKnown()) {
            references.product(line, row.product());
        }
        replay(row.errors());
        if (row.currency() != null && !firstLineByCurrency.containsKey(row.currency())) {
            firstLineByCurrency.put(row.currency(), line); // putIfAbsent would box the line of every row
        }
        if (!duplicate && row.passed()) {
            try {
                items.add(row.id(), row.customer(), row.customerPosition(), row.product(), row.subscription(), row.start(), row.end(),
                        row.amount(), row.units(), row.currency(), row.interval(), row.intervalCount(),
                        row.discountPercent(), row.discountAmount(), row.trialEnd(), row.bundle());
                itemLines.add(line);
            } catch (IllegalArgumentException | NullPointerException rejected) {
                refused(line, rejected); // the columns check an item's fields as RecurringItem does
            }
        }
    }

    /**
     * A row as checked on a worker, with the errors its cells had; {@code passed} when there were none.
     * A customer or product id that the referenced file holds is that row's string ({@code customerKnown},
     * {@code productKnown}), so millions of references share a few strings. The fields of a row that is
     * kept go straight into the items' columns, which check them as an item would (no item is built).
     */
    record Prepared(int line, String id, long idRecorded, String customer, boolean customerKnown, int customerPosition, String product,
                    boolean productKnown, String subscription, LocalDate start, LocalDate end, BigDecimal amount,
                    BigDecimal units, String currency, BillingInterval interval, int intervalCount,
                    BigDecimal discountPercent, BigDecimal discountAmount, LocalDate trialEnd, String bundle,
                    RowErrors errors, boolean passed) {
    }

    /** Checks rows on one thread: its own error buffer, value caches and previous subscription. */
    private final class Preparer implements ParallelRows.Preparer<Prepared> {
        private final CellParser cells = new CellParser();
        private final RowErrors rowErrors = new RowErrors();
        private final RowCheck check = new RowCheck(ImportFile.SUBSCRIPTION_ITEMS, rowErrors, cells);
        private String previousSubscription;
        private final CustomerSequence customers = new CustomerSequence(references.customers());

        @Override
        public Prepared prepare(Row row) {
            check.start(row);
            String id = check.required(itemId);
            long idRecorded = id == null ? 0 : ids.record(id, row.line());
            // A customer's rows follow each other in an export, and known ids are the referenced rows'
            // strings: the cell's text is compared and looked up where it lies, made a string only when unknown.
            String customer = null;
            boolean customerKnown = false;
            int customerPosition = -1;
            CellRange cell = check.range(customerId, true);
            if (cell != null) {
                customer = customers.find(cell);
                customerKnown = customer != null;
                customerPosition = customers.position();
                if (!customerKnown) {
                    customer = cell.toString();
                }
            }
            String product = null;
            boolean productKnown = false;
            cell = check.range(productId, true);
            if (cell != null) {
                product = references.knownProduct(cell);
                productKnown = product != null;
                if (!productKnown) {
                    product = cell.toString();
                }
            }
            String subscription = sameAsPrevious(check.range(subscriptionId, false));
            LocalDate start = check.date(startDate, true);
            LocalDate end = check.date(endDate, false);
            if (start != null && end != null && !end.isAfter(start)) {
                check.fail(endDate, "end_date " + end + " must be after start_date " + start);
            }
            BigDecimal amount = check.nonNegative(unitAmount, true);
            BigDecimal units = quantityOf();
            String code = check.currency(currency);
            BillingInterval period = check.range(interval, true) == null ? null
                    : check.oneOf(interval, INTERVALS, null, "a billing interval");
            int periods = check.count(intervalCount, 1);
            BigDecimal percent = check.between(discountPercent, BigDecimal.ZERO, HUNDRED);
            BigDecimal discount = check.nonNegative(discountAmount, false);
            LocalDate trial = check.date(trialEnd, false);
            String bundle = check.text(bundleId);
            return new Prepared(row.line(), id, idRecorded, customer, customerKnown, customerPosition, product, productKnown, subscription, start,
                    end, amount, units, code, period, periods, percent, discount, trial, bundle, rowErrors.take(),
                    check.passed());
        }

        // Exports list a subscription's items together; reusing the previous row's string when it
        // repeats shares it at no lookup cost.
        private String sameAsPrevious(CellRange cell) {
            if (cell == null) {
                previousSubscription = null;
                return null;
            }
            if (previousSubscription != null && previousSubscription.contentEquals(cell)) {
                return previousSubscription;
            }
            previousSubscription = cell.toString();
            return previousSubscription;
        }

        private BigDecimal quantityOf() {
            if (check.range(quantity, false) == null) {
                return BigDecimal.ONE;
            }
            return check.positive(quantity, false);
        }
    }

    @Override
    public ImportFile file() {
        return ImportFile.SUBSCRIPTION_ITEMS;
    }

    @Override
    public String pricedOnColumn() {
        return "start_date";
    }

    @Override
    public PendingReferences pendingReferences() {
        return references;
    }

    @Override
    public void forEachPriceRefused(BiPredicate<String, LocalDate> accepted, PriceVisitor visitor) {
        for (int row : items.rowsRefused(accepted)) {
            visitor.visit(itemLines.get(row), items.currency(row), items.startDate(row));
        }
    }

    /** Each currency used by a row, with the line it first appears on, in order of appearance. */
    Map<String, Integer> firstLineByCurrency() {
        return firstLineByCurrency;
    }

    /**
     * The items kept, in the builder that collected them, for the dataset's columns. Called once,
     * after every check has passed; the table's items are not read afterwards.
     */
    ItemsImageBuilder items() {
        return items;
    }
}
