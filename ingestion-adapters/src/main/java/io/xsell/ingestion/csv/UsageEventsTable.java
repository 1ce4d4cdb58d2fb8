package io.xsell.ingestion.csv;

import io.xsell.core.model.InvalidFieldException;
import io.xsell.core.model.UsageLog;
import java.time.LocalDate;

/**
 * usage_events.csv: {@code count} uses of a feature by a customer on a day. Rows go straight into a
 * columnar {@link UsageLog}: a usage export can hold tens of millions of rows.
 */
final class UsageEventsTable implements TableReader {
    private final RowCheck check;
    private final PendingReferences references;
    private final UsageLog.Builder usage = UsageLog.builder();
    private Col customerId;
    private Col feature;
    private Col date;
    private Col count;

    UsageEventsTable(ErrorCollector errors, CellParser cells, CustomersTable customers, ProductsTable products) {
        this.check = new RowCheck(ImportFile.USAGE_EVENTS, errors, cells);
        this.references = new PendingReferences(customers, products, errors);
    }

    @Override
    public boolean begin(Header header) {
        customerId = header.required("customer_id");
        feature = header.required("feature");
        date = header.required("date");
        count = header.optional("count");
        return header.complete();
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String customer = references.customer(row.line(), check.required(customerId));
        String name = check.required(feature);
        LocalDate day = check.date(date, true);
        int uses = check.count(count, 1);
        if (check.passed()) {
            try {
                usage.add(customer, name, day, uses);
            } catch (InvalidFieldException e) {
                check.fail(e.field().equals("feature") ? feature : customerId, e.getMessage());
            }
        }
    }

    PendingReferences pendingReferences() {
        return references;
    }

    UsageLog usage() {
        return usage.build();
    }

    int size() {
        return usage.size();
    }
}
