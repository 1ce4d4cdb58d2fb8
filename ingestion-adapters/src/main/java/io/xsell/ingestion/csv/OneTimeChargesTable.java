package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.IntSequence;
import io.xsell.core.model.OneTimeCharge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** one_time_charges.csv: setup fees, services and credits; a credit is a negative amount. */
final class OneTimeChargesTable implements TableReader, ReferencingTable {
    private final RowCheck check;
    private final PendingReferences references;
    private final List<OneTimeCharge> charges = new ArrayList<>();
    private final IntSequence chargeLines = new IntSequence(); // the line of each row kept
    private final IdLineIndex ids = new IdLineIndex();
    private Col chargeId;
    private Col customerId;
    private Col productId;
    private Col date;
    private Col amount;
    private Col currency;
    private Col description;

    OneTimeChargesTable(ErrorCollector errors, CellParser cells, CustomersTable customers, ProductsTable products) {
        this.check = new RowCheck(ImportFile.ONE_TIME_CHARGES, errors, cells);
        this.references = new PendingReferences(customers, products, errors);
    }

    @Override
    public boolean begin(Header header) {
        chargeId = header.required("charge_id");
        customerId = header.required("customer_id");
        productId = header.optional("product_id");
        date = header.required("date");
        amount = header.required("amount");
        currency = header.required("currency");
        description = header.optional("description");
        return header.complete();
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String id = check.required(chargeId);
        if (id != null) {
            int first = ids.putIfAbsent(id, row.line());
            if (first != 0) {
                check.fail(chargeId, "duplicate charge_id " + Bounds.quote(id) + " (first on line " + first + ")");
            }
        }
        String customer = references.customer(row.line(), check.required(customerId));
        String product = references.product(row.line(), check.text(productId));
        LocalDate day = check.date(date, true);
        BigDecimal value = check.decimal(amount, true);
        String code = check.currency(currency);
        String text = check.text(description);
        if (check.passed()) {
            try {
                charges.add(new OneTimeCharge(id, customer, product, day, value, code, text));
                chargeLines.add(row.line());
            } catch (IllegalArgumentException | NullPointerException e) {
                check.rejectedByModel(e);
            }
        }
    }

    @Override
    public ImportFile file() {
        return ImportFile.ONE_TIME_CHARGES;
    }

    @Override
    public String pricedOnColumn() {
        return "date";
    }

    @Override
    public PendingReferences pendingReferences() {
        return references;
    }

    @Override
    public void forEachPriceRefused(BiPredicate<String, LocalDate> accepted, PriceVisitor visitor) {
        for (int i = 0; i < charges.size(); i++) {
            OneTimeCharge charge = charges.get(i);
            if (!accepted.test(charge.currency(), charge.date())) {
                visitor.visit(chargeLines.get(i), charge.currency(), charge.date());
            }
        }
    }

    List<OneTimeCharge> charges() {
        return charges;
    }
}
