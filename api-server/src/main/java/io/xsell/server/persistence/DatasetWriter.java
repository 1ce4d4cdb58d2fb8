package io.xsell.server.persistence;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes one source of one tenant inside the caller's transaction. Rows go out in batches of
 * {@code chunkSize}: one round trip per chunk, while the driver's buffers stay bounded for any
 * size of import.
 */
final class DatasetWriter {
    static final List<String> TABLES =
            List.of("customers", "products", "subscription_items", "one_time_charges", "fx_rates");

    private static final String CUSTOMERS = "INSERT INTO customers (tenant_id, source, seq, customer_id, name, "
            + "created_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String PRODUCTS = "INSERT INTO products (tenant_id, source, seq, product_id, name, "
            + "product_line, kind, gross_margin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
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

    private final Handle handle;
    private final String tenant;
    private final String source;
    private final int chunkSize;

    DatasetWriter(Handle handle, String tenant, String source, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1, was " + chunkSize);
        }
        this.handle = handle;
        this.tenant = tenant;
        this.source = source;
        this.chunkSize = chunkSize;
    }

    void deleteSource() {
        for (String table : TABLES) {
            handle.createUpdate("DELETE FROM " + table + " WHERE tenant_id = ? AND source = ?")
                    .bind(0, tenant)
                    .bind(1, source)
                    .execute();
        }
    }

    void insert(TenantDataset dataset) {
        insert(CUSTOMERS, dataset.customers(), DatasetWriter::bindCustomer);
        insert(PRODUCTS, dataset.products(), DatasetWriter::bindProduct);
        insert(ITEMS, dataset.items(), DatasetWriter::bindItem);
        insert(CHARGES, dataset.charges(), DatasetWriter::bindCharge);
        insert(RATES, dataset.rates(), DatasetWriter::bindRate);
    }

    private <T> void insert(String sql, List<T> rows, RowBinder<T> binder) {
        for (int start = 0; start < rows.size(); start += chunkSize) {
            int end = Math.min(start + chunkSize, rows.size());
            try (PreparedBatch batch = handle.prepareBatch(sql)) {
                for (int seq = start; seq < end; seq++) {
                    batch.bind(0, tenant).bind(1, source).bind(2, seq);
                    binder.bind(batch, rows.get(seq));
                    batch.add();
                }
                batch.execute();
            }
        }
    }

    private static void bindCustomer(PreparedBatch b, Customer c) {
        b.bind(3, c.id())
                .bind(4, c.name())
                .bind(5, date(c.createdAt()))
                .bind(6, AttributesJson.write(c.attributes()));
    }

    private static void bindProduct(PreparedBatch b, Product p) {
        b.bind(3, p.id())
                .bind(4, p.name())
                .bind(5, p.productLine())
                .bind(6, KIND_CODES.get(p.kind()))
                .bind(7, decimal(p.grossMargin()));
    }

    private static void bindItem(PreparedBatch b, RecurringItem i) {
        b.bind(3, i.id())
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

    private static void bindCharge(PreparedBatch b, OneTimeCharge c) {
        b.bind(3, c.id())
                .bind(4, c.customerId())
                .bind(5, c.productId())
                .bind(6, date(c.date()))
                .bind(7, decimal(c.amount()))
                .bind(8, c.currency())
                .bind(9, c.description());
    }

    private static void bindRate(PreparedBatch b, FxRate r) {
        b.bind(3, date(r.date()))
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

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedBatch batch, T row);
    }
}
