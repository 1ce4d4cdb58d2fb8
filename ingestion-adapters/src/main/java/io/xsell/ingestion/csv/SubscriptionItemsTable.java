package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** subscription_items.csv: one row per recurring item period. */
final class SubscriptionItemsTable implements TableReader, ReferencingTable {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // BillingInterval.parse lower-cases every constant's name per call; a map looks a code up without garbage.
    private static final Map<String, BillingInterval> INTERVALS = new LinkedHashMap<>();

    static {
        for (BillingInterval interval : BillingInterval.values()) {
            INTERVALS.put(interval.code(), interval);
        }
    }

    private final RowCheck check;
    private final PendingReferences references;
    private final List<RecurringItem> items = new ArrayList<>();
    private final LineList itemLines = new LineList();
    private final IdLineIndex ids = new IdLineIndex();
    private final Map<String, Integer> firstLineByCurrency = new LinkedHashMap<>();
    private String previousSubscription;
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

    SubscriptionItemsTable(ErrorCollector errors, CellParser cells, CustomersTable customers, ProductsTable products) {
        this.check = new RowCheck(ImportFile.SUBSCRIPTION_ITEMS, errors, cells);
        this.references = new PendingReferences(customers, products, errors);
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
    public void row(Row row) {
        check.start(row);
        String id = check.required(itemId);
        if (id != null) {
            int first = ids.putIfAbsent(id, row.line());
            if (first != 0) {
                check.fail(itemId, "duplicate item_id " + Bounds.quote(id) + " (first on line " + first + ")");
            }
        }
        String customer = references.customer(row.line(), check.required(customerId));
        String product = references.product(row.line(), check.required(productId));
        String subscription = sameAsPrevious(check.text(subscriptionId));
        LocalDate start = check.date(startDate, true);
        LocalDate end = check.date(endDate, false);
        if (start != null && end != null && !end.isAfter(start)) {
            check.fail(endDate, "end_date " + end + " must be after start_date " + start);
        }
        BigDecimal amount = check.nonNegative(unitAmount, true);
        BigDecimal units = quantityOf();
        String code = check.currency(currency);
        if (code != null) {
            firstLineByCurrency.putIfAbsent(code, row.line());
        }
        BillingInterval period = check.required(interval) == null ? null
                : check.oneOf(interval, INTERVALS, null, "a billing interval");
        int periods = check.count(intervalCount, 1);
        BigDecimal percent = check.between(discountPercent, BigDecimal.ZERO, HUNDRED);
        BigDecimal discount = check.nonNegative(discountAmount, false);
        LocalDate trial = check.date(trialEnd, false);
        String bundle = check.text(bundleId);
        if (check.passed()) {
            try {
                items.add(new RecurringItem(id, customer, product, subscription, start, end, amount, units, code,
                        period, periods, percent, discount, trial, bundle));
                itemLines.add(row.line());
            } catch (IllegalArgumentException | NullPointerException e) {
                check.rejectedByModel(e);
            }
        }
    }

    // Exports list a subscription's items together; reusing the previous row's string when it repeats
    // shares it at no lookup cost.
    private String sameAsPrevious(String subscription) {
        if (subscription != null && subscription.equals(previousSubscription)) {
            return previousSubscription;
        }
        previousSubscription = subscription;
        return subscription;
    }

    private BigDecimal quantityOf() {
        if (check.text(quantity) == null) {
            return BigDecimal.ONE;
        }
        return check.positive(quantity, false);
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
    public void forEachPrice(PriceVisitor visitor) {
        for (int i = 0; i < items.size(); i++) {
            RecurringItem item = items.get(i);
            visitor.visit(itemLines.get(i), item.currency(), item.startDate());
        }
    }

    /** Each currency used by a row, with the line it first appears on, in order of appearance. */
    Map<String, Integer> firstLineByCurrency() {
        return firstLineByCurrency;
    }

    List<RecurringItem> items() {
        return items;
    }
}
