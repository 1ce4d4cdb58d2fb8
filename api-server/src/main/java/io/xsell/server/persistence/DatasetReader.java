package io.xsell.server.persistence;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads every source of one tenant inside the caller's transaction. Rows are mapped one at a
 * time from a cursor (PostgreSQL only streams with a fetch size inside a transaction), straight
 * into model records.
 */
final class DatasetReader {
    private static final int FETCH_SIZE = 5000;
    // parse() scans values() and lower-cases each name: too slow once per row of a million
    private static final Map<String, BillingInterval> INTERVALS = byCode(BillingInterval.values(), BillingInterval::code);
    private static final Map<String, LineKind> KINDS = byCode(LineKind.values(), LineKind::code);

    private final Handle handle;
    private final String tenant;
    private final SharedValues shared = new SharedValues();

    DatasetReader(Handle handle, String tenant) {
        this.handle = handle;
        this.tenant = tenant;
    }

    TenantDataset read(String reportingCurrency) {
        // customers first: their ids enter the shared strings, so items and charges reuse them
        List<Customer> customers = query("SELECT customer_id, name, created_at, attributes FROM customers",
                (rs, ctx) -> new Customer(shared.string(rs.getString(1)), rs.getString(2),
                        shared.date(rs.getString(3)), shared.attributes(rs.getString(4))));
        List<Product> products = query("SELECT product_id, name, product_line, kind, gross_margin FROM products",
                (rs, ctx) -> new Product(shared.string(rs.getString(1)), rs.getString(2),
                        shared.string(rs.getString(3)), parse(KINDS, rs.getString(4), LineKind::parse),
                        shared.decimal(rs.getString(5))));
        List<RecurringItem> items = query("SELECT item_id, customer_id, product_id, subscription_id, start_date, "
                        + "end_date, unit_amount, quantity, currency, billing_interval, interval_count, "
                        + "discount_percent, discount_amount, trial_end, bundle_id FROM subscription_items",
                (rs, ctx) -> new RecurringItem(rs.getString(1), shared.string(rs.getString(2)),
                        shared.string(rs.getString(3)), shared.string(rs.getString(4)),
                        shared.date(rs.getString(5)), shared.date(rs.getString(6)),
                        shared.decimal(rs.getString(7)), shared.decimal(rs.getString(8)),
                        shared.string(rs.getString(9)), parse(INTERVALS, rs.getString(10), BillingInterval::parse), rs.getInt(11),
                        shared.decimal(rs.getString(12)), shared.decimal(rs.getString(13)),
                        shared.date(rs.getString(14)), shared.string(rs.getString(15))));
        List<OneTimeCharge> charges = query("SELECT charge_id, customer_id, product_id, charge_date, amount, "
                        + "currency, description FROM one_time_charges",
                (rs, ctx) -> new OneTimeCharge(rs.getString(1), shared.string(rs.getString(2)),
                        shared.string(rs.getString(3)), shared.date(rs.getString(4)),
                        shared.decimal(rs.getString(5)), shared.string(rs.getString(6)),
                        shared.string(rs.getString(7))));
        List<FxRate> rates = query("SELECT rate_date, currency, rate FROM fx_rates",
                (rs, ctx) -> new FxRate(shared.date(rs.getString(1)), shared.string(rs.getString(2)),
                        shared.decimal(rs.getString(3))));
        if (customers.isEmpty() && products.isEmpty() && items.isEmpty() && charges.isEmpty() && rates.isEmpty()) {
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

    private <T> List<T> query(String selectFrom, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        handle.createQuery(selectFrom + " WHERE tenant_id = ? ORDER BY source, seq")
                .bind(0, tenant)
                .setFetchSize(FETCH_SIZE)
                .map(mapper)
                .forEach(rows::add);
        return rows;
    }
}
