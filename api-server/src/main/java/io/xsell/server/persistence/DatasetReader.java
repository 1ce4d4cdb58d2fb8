package io.xsell.server.persistence;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.ItemsImageBuilder;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads every source of one tenant inside the caller's transaction. Rows are mapped one at a
 * time from a cursor (PostgreSQL only streams with a fetch size inside a transaction), and put
 * back in import order without asking the database to sort: customers, products, charges and FX
 * rates as model records, the subscription items as cells that go straight into the dataset's
 * columns ({@link ItemsImageBuilder}), with no item object per row.
 */
final class DatasetReader {
    private static final int FETCH_SIZE = 5000;
    // the columns of subscription_items that make an item
    private static final int ITEM_CELLS = 15;
    // parse() scans values() and lower-cases each name: too slow once per row of a million
    private static final Map<String, BillingInterval> INTERVALS =
            byCode(BillingInterval.values(), BillingInterval::code);
    private static final Map<String, LineKind> KINDS = byCode(LineKind.values(), LineKind::code);

    private final Handle handle;
    private final String tenant;
    private final SharedValues shared = new SharedValues();
    // PostgreSQL: the sources whose large tables are an import's own, by name; read in the caller's snapshot
    private final Map<String, Long> generations;

    DatasetReader(Handle handle, String tenant) {
        this.handle = handle;
        this.tenant = tenant;
        this.generations = SourceWriter.postgres(handle.getConnection()) == null
                ? Map.of()
                : ImportGenerations.of(handle, tenant);
    }

    TenantDataset read(String reportingCurrency) {
        // customers first: their ids enter the shared strings, so items and charges reuse them
        List<Customer> customers = query("customers", "customer_id, name, created_at, attributes",
                rs -> new Customer(shared.string(rs.getString(1)), rs.getString(2), shared.date(rs.getString(3)),
                        shared.attributes(rs.getString(4))));
        List<Product> products = query("products", "product_id, name, product_line, kind, gross_margin, line_name",
                rs -> new Product(shared.string(rs.getString(1)), rs.getString(2), shared.string(rs.getString(3)),
                        parse(KINDS, rs.getString(4), LineKind::parse), shared.decimal(rs.getString(5)),
                        rs.getString(6)));
        // Items go from their cells into columns: no item object per row. A row's cells wait in an
        // array of their source until every row is read (the database returns them in no order), then
        // enter the builder in import order, which checks each as an item's constructor would.
        TextKeyed<BillingInterval> intervals = new TextKeyed<>(code -> parse(INTERVALS, code, BillingInterval::parse));
        SharedValues.Run customerRun = shared.run();
        SharedValues.Run subscriptionRun = shared.run();
        Collection<ImportOrder> itemSources = inImportOrder("subscription_items", "item_id, customer_id, product_id, "
                        + "subscription_id, start_date, end_date, unit_amount, quantity, currency, billing_interval, "
                        + "interval_count, discount_percent, discount_amount, trial_end, bundle_id", ITEM_CELLS,
                (rs, cells) -> {
                    // every cell but the id repeats: found by its bytes, it costs no String; a
                    // customer's and a subscription's by comparing with the previous row's
                    cells[0] = rs.getString(1);
                    cells[1] = customerRun.string(rs.getBytes(2));
                    cells[2] = shared.string(rs.getBytes(3));
                    cells[3] = subscriptionRun.string(rs.getBytes(4));
                    cells[4] = shared.date(rs.getBytes(5));
                    cells[5] = shared.date(rs.getBytes(6));
                    cells[6] = shared.decimal(rs.getBytes(7));
                    cells[7] = shared.decimal(rs.getBytes(8));
                    cells[8] = shared.string(rs.getBytes(9));
                    byte[] interval = rs.getBytes(10);
                    cells[9] = interval != null ? intervals.get(interval)
                            : parse(INTERVALS, null, BillingInterval::parse);
                    cells[10] = rs.getInt(11);
                    cells[11] = shared.decimal(rs.getBytes(12));
                    cells[12] = shared.decimal(rs.getBytes(13));
                    cells[13] = shared.date(rs.getBytes(14));
                    cells[14] = shared.string(rs.getBytes(15));
                });
        ItemsImageBuilder items = new ItemsImageBuilder(itemSources.stream().mapToInt(ImportOrder::count).sum());
        for (ImportOrder source : itemSources) {
            source.forEach((c, at) -> items.add((String) c[at], (String) c[at + 1], (String) c[at + 2],
                    (String) c[at + 3], (LocalDate) c[at + 4], (LocalDate) c[at + 5], (BigDecimal) c[at + 6],
                    (BigDecimal) c[at + 7], (String) c[at + 8], (BillingInterval) c[at + 9], (Integer) c[at + 10],
                    (BigDecimal) c[at + 11], (BigDecimal) c[at + 12], (LocalDate) c[at + 13],
                    (String) c[at + 14]));
        }
        List<OneTimeCharge> charges = query("one_time_charges", "charge_id, customer_id, product_id, charge_date, "
                        + "amount, currency, description",
                rs -> new OneTimeCharge(rs.getString(1), shared.string(rs.getString(2)),
                        shared.string(rs.getString(3)), shared.date(rs.getString(4)),
                        shared.decimal(rs.getString(5)), shared.string(rs.getString(6)),
                        shared.string(rs.getString(7))));
        List<FxRate> rates = query("fx_rates", "rate_date, currency, rate",
                rs -> new FxRate(shared.date(rs.getString(1)), shared.string(rs.getString(2)),
                        shared.decimal(rs.getString(3))));
        if (customers.isEmpty() && products.isEmpty() && items.size() == 0 && charges.isEmpty() && rates.isEmpty()) {
            return TenantDataset.empty(reportingCurrency);
        }
        return TenantDataset.of(reportingCurrency, customers, products, items, charges, rates);
    }

    private static <E> Map<String, E> byCode(E[] values, Function<E, String> code) {
        Map<String, E> map = new HashMap<>();
        for (E value : values) {
            map.put(code.apply(value), value);
        }
        return Map.copyOf(map);
    }

    /** Unknown codes go to the enum's own parser for its error message. */
    private static <E> E parse(Map<String, E> byCode, String code, Function<String, E> parser) {
        E value = code == null ? null : byCode.get(code);
        return value != null ? value : parser.apply(code);
    }

    /** The table's rows of the tenant as model records, in import order (see {@link #inImportOrder}). */
    @SuppressWarnings("unchecked")
    private <T> List<T> query(String table, String columns, RowReader<T> reader) {
        Collection<ImportOrder> sources = inImportOrder(table, columns, 1, (rs, cells) -> cells[0] = reader.read(rs));
        List<T> rows = new ArrayList<>(sources.stream().mapToInt(ImportOrder::size).sum());
        sources.forEach(order -> order.forEach((cells, at) -> rows.add((T) cells[at])));
        return rows;
    }

    /**
     * The table's rows of the tenant, each as {@code width} cells, by source in the order of their
     * names; each source's rows are visited by position in its import ({@link ImportOrder#forEach}).
     * {@code reader} sees the model columns as 1..n. The shared table holds the
     * sources not stored per import (SQLite's, and on PostgreSQL those not imported since); a
     * dropped generation table (its import replaced since the caller's snapshot) fails the read
     * with undefined_table, for the caller to retry on a fresh snapshot.
     */
    private Collection<ImportOrder> inImportOrder(String table, String columns, int width, CellReader reader) {
        Map<String, ImportOrder> bySource = new TreeMap<>();
        int seqColumn = columns.split(",").length + 1;
        scan(handle.createQuery("SELECT " + columns + ", seq, source FROM " + table + " WHERE tenant_id = ?")
                .bind(0, tenant), seqColumn, null, width, reader, table, bySource);
        if (ImportGenerations.TABLES.contains(table)) {
            for (Map.Entry<String, Long> source : generations.entrySet()) {
                scan(handle.createQuery("SELECT " + columns + ", seq FROM "
                        + ImportGenerations.table(table, source.getValue())), seqColumn, source.getKey(), width,
                        reader, table, bySource);
            }
        }
        return bySource.values();
    }

    /**
     * Puts each row at its seq, in the order of its source: {@code source}, or when null the
     * column after the seq.
     */
    private void scan(Query query, int seqColumn, String source, int width, CellReader reader, String table,
                      Map<String, ImportOrder> bySource) {
        query.setFetchSize(FETCH_SIZE).scanResultSet((results, ctx) -> {
            ResultSet rs = results.get();
            Object[] cells = new Object[width];
            while (rs.next()) {
                reader.read(rs, cells);
                String of = source != null ? source : rs.getString(seqColumn + 1);
                ImportOrder order = bySource.get(of); // not computeIfAbsent: its lambda would be an object per row
                if (order == null) {
                    order = new ImportOrder(table, of, width);
                    bySource.put(of, order);
                }
                order.put(rs.getInt(seqColumn), cells);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Reads the current row into {@code cells}, which the next row reuses. */
    @FunctionalInterface
    private interface CellReader {
        void read(ResultSet rs, Object[] cells) throws SQLException;
    }
}
