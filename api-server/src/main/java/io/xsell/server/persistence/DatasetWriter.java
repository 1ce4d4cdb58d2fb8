package io.xsell.server.persistence;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** Writes one source of one tenant inside the caller's transaction ({@code COPY} on PostgreSQL, batches on SQLite). */
final class DatasetWriter extends SourceWriter {
    static final List<String> TABLES =
            List.of("customers", "products", "subscription_items", "one_time_charges", "fx_rates");

    private static final List<String> CUSTOMERS =
            List.of("seq", "customer_id", "name", "created_at", "attributes");
    private static final List<String> PRODUCTS =
            List.of("seq", "product_id", "name", "product_line", "kind", "gross_margin", "line_name");
    private static final List<String> ITEMS = List.of("seq", "item_id", "customer_id", "product_id",
            "subscription_id", "start_date", "end_date", "unit_amount", "quantity", "currency", "billing_interval",
            "interval_count", "discount_percent", "discount_amount", "trial_end", "bundle_id");
    private static final List<String> CHARGES = List.of("seq", "charge_id", "customer_id", "product_id",
            "charge_date", "amount", "currency", "description");
    private static final List<String> RATES = List.of("seq", "rate_date", "currency", "rate");

    // code() lower-cases the constant's name on every call; once per row of a million adds up
    private static final Map<BillingInterval, String> INTERVAL_CODES =
            codes(BillingInterval.class, BillingInterval::code);
    private static final Map<LineKind, String> KIND_CODES = codes(LineKind.class, LineKind::code);

    DatasetWriter(Handle handle, String tenant, String source, int chunkSize) {
        super(handle, tenant, source, chunkSize);
    }

    /**
     * Deletes the source's rows from the shared tables. On PostgreSQL these hold only its products
     * and FX rates, or, for a source last imported before per-import tables, all its rows: the
     * import that replaces them deletes them here, in its own transaction.
     */
    void deleteSource() {
        deleteSource(TABLES);
    }

    /** Each row's seq is its position in its list. */
    void insert(TenantDataset dataset) {
        if (onPostgres()) {
            long generation = ImportGenerations.create(handle);
            copyInto(ImportGenerations.table("customers", generation), CUSTOMERS, dataset.customers(),
                    DatasetWriter::writeCustomer);
            copyInto(ImportGenerations.table("subscription_items", generation), ITEMS, dataset.items(),
                    DatasetWriter::writeItem);
            copyInto(ImportGenerations.table("one_time_charges", generation), CHARGES, dataset.charges(),
                    DatasetWriter::writeCharge);
            ImportGenerations.index(handle, generation);
            ImportGenerations.point(handle, tenant, source, generation);
        } else {
            insertRows("customers", CUSTOMERS, dataset.customers(), DatasetWriter::writeCustomer);
            insertRows("subscription_items", ITEMS, dataset.items(), DatasetWriter::writeItem);
            insertRows("one_time_charges", CHARGES, dataset.charges(), DatasetWriter::writeCharge);
        }
        insertRows("products", PRODUCTS, dataset.products(), DatasetWriter::writeProduct);
        insertRows("fx_rates", RATES, dataset.rates(), DatasetWriter::writeRate);
    }

    private static void writeCustomer(RowOut out, int seq, Customer c) {
        out.integer(seq);
        out.text(c.id());
        out.text(c.name());
        out.text(date(c.createdAt()));
        out.text(AttributesJson.write(c.attributes()));
    }

    private static void writeProduct(RowOut out, int seq, Product p) {
        out.integer(seq);
        out.text(p.id());
        out.text(p.name());
        out.text(p.productLine());
        out.text(KIND_CODES.get(p.kind()));
        out.text(decimal(p.grossMargin()));
        out.text(p.lineName());
    }

    private static void writeItem(RowOut out, int seq, RecurringItem i) {
        out.integer(seq);
        out.text(i.id());
        out.text(i.customerId());
        out.text(i.productId());
        out.text(i.subscriptionId());
        out.text(date(i.startDate()));
        out.text(date(i.endDate()));
        out.text(decimal(i.unitAmount()));
        out.text(decimal(i.quantity()));
        out.text(i.currency());
        out.text(INTERVAL_CODES.get(i.interval()));
        out.integer(i.intervalCount());
        out.text(decimal(i.discountPercent()));
        out.text(decimal(i.discountAmount()));
        out.text(date(i.trialEnd()));
        out.text(i.bundleId());
    }

    private static void writeCharge(RowOut out, int seq, OneTimeCharge c) {
        out.integer(seq);
        out.text(c.id());
        out.text(c.customerId());
        out.text(c.productId());
        out.text(date(c.date()));
        out.text(decimal(c.amount()));
        out.text(c.currency());
        out.text(c.description());
    }

    private static void writeRate(RowOut out, int seq, FxRate r) {
        out.integer(seq);
        out.text(date(r.date()));
        out.text(r.currency());
        out.text(decimal(r.rate()));
    }

    private static <E extends Enum<E>> Map<E, String> codes(Class<E> type, Function<E, String> code) {
        Map<E, String> codes = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            codes.put(value, code.apply(value));
        }
        return codes;
    }

}
