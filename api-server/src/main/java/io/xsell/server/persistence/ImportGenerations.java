package io.xsell.server.persistence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's storage of a source's three large tables: every import COPYs its rows into tables
 * of its own, created without an index in the import's transaction and given their primary key
 * after the COPY, then points the source at them in {@code import_generations} before it
 * commits. Maintaining the key of a shared table row by row was the bulk of an import's time;
 * building it once over a loaded table takes about half (docs/performance.md, "Per-import tables").
 *
 * <p>Table names are the only SQL built from values here, and they come from a fixed base name
 * and a number drawn from a sequence, never from user text (tenant ids and source names stay bound
 * parameters): {@link #table} refuses anything else, so no input can reach the DDL.
 *
 * <p>A superseded generation's tables are dropped after the switch commits, each in a short
 * transaction of its own: a reader that resolved the old pointer may still hold one of them, and
 * dropping them together could deadlock with it. A drop that cannot get its lock in time is left
 * for the next import's sweep, which drops every generation table no pointer names.
 */
final class ImportGenerations {
    /** The tables stored per import, in the order readers read them and the sweep drops them. */
    static final List<String> TABLES = List.of("customers", "subscription_items", "one_time_charges");

    // the columns of V2's tables but tenant_id and source, which the pointer row holds
    private static final Map<String, String> COLUMNS = Map.of(
            "customers", "seq INTEGER NOT NULL, customer_id TEXT NOT NULL, name TEXT, created_at TEXT, "
                    + "attributes TEXT NOT NULL",
            "subscription_items", "seq INTEGER NOT NULL, item_id TEXT NOT NULL, customer_id TEXT NOT NULL, "
                    + "product_id TEXT NOT NULL, subscription_id TEXT, start_date TEXT NOT NULL, end_date TEXT, "
                    + "unit_amount TEXT NOT NULL, quantity TEXT NOT NULL, currency TEXT NOT NULL, "
                    + "billing_interval TEXT NOT NULL, interval_count INTEGER NOT NULL, discount_percent TEXT, "
                    + "discount_amount TEXT, trial_end TEXT, bundle_id TEXT",
            "one_time_charges", "seq INTEGER NOT NULL, charge_id TEXT NOT NULL, customer_id TEXT NOT NULL, "
                    + "product_id TEXT, charge_date TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL, "
                    + "description TEXT");

    /** How long a post-import drop waits for a reader of the old tables before leaving them to the sweep. */
    static final String DROP_LOCK_TIMEOUT = "3s";

    private static final Logger LOG = LoggerFactory.getLogger(ImportGenerations.class);

    private ImportGenerations() {
    }

    /** The name of {@code base}'s table of {@code generation}; see the class comment on injection. */
    static String table(String base, long generation) {
        if (!TABLES.contains(base) || generation < 1) {
            throw new IllegalArgumentException("no generation table " + base + " #" + generation);
        }
        return base + "_g" + generation;
    }

    /** A new generation's tables, empty and without index, in the caller's transaction. */
    static long create(Handle handle) {
        long generation = handle.createQuery("SELECT nextval('import_generation_numbers')").mapTo(Long.class).one();
        for (String base : TABLES) {
            handle.execute("CREATE TABLE " + table(base, generation) + " (" + COLUMNS.get(base) + ")");
        }
        return generation;
    }

    /** After the COPY: one sort per table instead of an index entry, and its WAL record, per row. */
    static void index(Handle handle, long generation) {
        for (String base : TABLES) {
            handle.execute("ALTER TABLE " + table(base, generation) + " ADD PRIMARY KEY (seq)");
        }
    }

    /** Points the source at {@code generation}; the caller's transaction makes it visible at once with the rows. */
    static void point(Handle handle, String tenant, String source, long generation) {
        handle.createUpdate("INSERT INTO import_generations (tenant_id, source, generation) VALUES (?, ?, ?) "
                        + "ON CONFLICT (tenant_id, source) DO UPDATE SET generation = EXCLUDED.generation")
                .bind(0, tenant)
                .bind(1, source)
                .bind(2, generation)
                .execute();
    }

    /** The tenant's sources stored per import, by name, as the caller's snapshot sees them. */
    static Map<String, Long> of(Handle handle, String tenant) {
        Map<String, Long> generations = new TreeMap<>();
        handle.createQuery("SELECT source, generation FROM import_generations WHERE tenant_id = ?")
                .bind(0, tenant)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> generations.put(entry.getKey(), entry.getValue()));
        return generations;
    }

    /**
     * Drops every generation table of this schema that no pointer names: the generation an import
     * just replaced, and any an earlier sweep could not drop. Tables of an import still running are
     * invisible here until it commits, and it commits them together with their pointer, so nothing
     * in use is ever taken. Failures are logged and left to the next sweep; the import stands.
     */
    static void dropUnreferenced(Jdbi jdbi) {
        List<String> unreferenced;
        try {
            // within a generation in TABLES order, the order readers lock them in
            unreferenced = jdbi.withHandle(h -> h.createQuery("SELECT base, generation FROM ("
                            + "SELECT substring(c.relname from '^(.*)_g[0-9]+$') AS base, "
                            + "substring(c.relname from '_g([0-9]+)$')::bigint AS generation "
                            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                            + "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
                            + "AND c.relname ~ '^(customers|subscription_items|one_time_charges)_g[0-9]+$') t "
                            + "WHERE NOT EXISTS (SELECT 1 FROM import_generations g WHERE g.generation = t.generation) "
                            + "ORDER BY generation, array_position(ARRAY['customers', 'subscription_items', "
                            + "'one_time_charges'], base)")
                    .map((rs, ctx) -> table(rs.getString(1), rs.getLong(2)))
                    .list());
        } catch (RuntimeException e) {
            LOG.warn("could not list unreferenced import tables; the next import retries", e);
            return;
        }
        for (String table : unreferenced) {
            try {
                jdbi.useTransaction(h -> {
                    h.execute("SET LOCAL lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
                    h.execute("DROP TABLE IF EXISTS " + table);
                });
            } catch (RuntimeException e) {
                LOG.warn("could not drop {}, a replaced import's table; the next import retries", table, e);
            }
        }
    }
}
