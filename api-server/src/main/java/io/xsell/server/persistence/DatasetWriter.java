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
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes one source of one tenant inside the caller's transaction, in chunked batches. */
final class DatasetWriter extends SourceWriter {
    static final List<String> TABLES =
            List.of("customers", "products", "subscription_items", "one_time_charges", "fx_rates");

    private static final String CUSTOMERS = "INSERT INTO customers (tenant_id, source, seq, customer_id, name, "
            + "created_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String PRODUCTS = "INSERT INTO products (tenant_id, source, seq, product_id, name, "
            + "product_line, kind, gross_margin, line_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ITEMS = "INSERT INTO subscription_items (tenant_id, source, seq, item_id, "
            + "customer_id, product_id, subscription_id, start_date, end_date, unit_amount, quantity, currency, "
            + "billing_interval, interval_count, discount_percent, discount_amount, trial_end, bundle_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CHARGES = "INSERT INTO one_time_charges (tenant_id, source, seq, charge_id, "
            + "customer_id, product_id, charge_date, amount, currency, description) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RATES = "INSERT INTO fx_rates (tenant_id, source, seq, rate_date, currency, rate) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    // code() lower-cases the constant's name on every call; once per row of a million adds up
    private static final Map<BillingInterval, String> INTERVAL_CODES =
            codes(BillingInterval.class, BillingInterval::code);
    private static final Map<LineKind, String> KIND_CODES = codes(LineKind.class, LineKind::code);

    DatasetWriter(Handle handle, String tenant, String source, int chunkSize) {
        super(handle, tenant, source, chunkSize);
    }

    void deleteSource() {
        deleteSource(TABLES);
    }

    void insert(TenantDataset dataset) {
        // a row's seq is its position in the list
        insertInChunks(CUSTOMERS, dataset.customers(), DatasetWriter::bindCustomer);
        insertInChunks(PRODUCTS, dataset.products(), DatasetWriter::bindProduct);
        insertInChunks(ITEMS, dataset.items(), DatasetWriter::bindItem);
        insertInChunks(CHARGES, dataset.charges(), DatasetWriter::bindCharge);
        insertInChunks(RATES, dataset.rates(), DatasetWriter::bindRate);
    }

    private static void bindCustomer(PreparedBatch b, int seq, Customer c) {
        b.bind(2, seq)
                .bind(3, c.id())
                .bind(4, c.name())
                .bind(5, date(c.createdAt()))
                .bind(6, AttributesJson.write(c.attributes()));
    }

    private static void bindProduct(PreparedBatch b, int seq, Product p) {
        b.bind(2, seq)
                .bind(3, p.id())
                .bind(4, p.name())
                .bind(5, p.productLine())
                .bind(6, KIND_CODES.get(p.kind()))
                .bind(7, decimal(p.grossMargin()))
                .bind(8, p.lineName());
    }

    private static void bindItem(PreparedBatch b, int seq, RecurringItem i) {
        b.bind(2, seq)
                .bind(3, i.id())
                .bind(4, i.customerId())
                .bind(5, i.productId())
                .bind(6, i.subscriptionId())
                .bind(7, date(i.startDate()))
                .bind(8, date(i.endDate()))
                .bind(9, decimal(i.unitAmount()))
                .bind(10, decimal(i.quantity()))
                .bind(11, i.currency())
                .bind(12, INTERVAL_CODES.get(i.interval()))
                .bind(13, i.intervalCount())
                .bind(14, decimal(i.discountPercent()))
                .bind(15, decimal(i.discountAmount()))
                .bind(16, date(i.trialEnd()))
                .bind(17, i.bundleId());
    }

    private static void bindCharge(PreparedBatch b, int seq, OneTimeCharge c) {
        b.bind(2, seq)
                .bind(3, c.id())
                .bind(4, c.customerId())
                .bind(5, c.productId())
                .bind(6, date(c.date()))
                .bind(7, decimal(c.amount()))
                .bind(8, c.currency())
                .bind(9, c.description());
    }

    private static void bindRate(PreparedBatch b, int seq, FxRate r) {
        b.bind(2, seq)
                .bind(3, date(r.date()))
                .bind(4, r.currency())
                .bind(5, decimal(r.rate()));
    }

    private static <E extends Enum<E>> Map<E, String> codes(Class<E> type, Function<E, String> code) {
        Map<E, String> codes = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            codes.put(value, code.apply(value));
        }
        return codes;
    }

}
