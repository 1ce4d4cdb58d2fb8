package io.xsell.server.persistence;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What tests see of where a tenant's rows are stored: the shared tables, or on PostgreSQL an import's own. */
public final class StoredTables {
    private StoredTables() {
    }

    /** Every table of an import generation in the schema, sorted by name; none on SQLite. */
    static List<String> generationTables(Jdbi jdbi) {
        return jdbi.withHandle(h -> !onPostgres(h) ? List.<String>of() : h.createQuery("SELECT c.relname FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                        + "AND c.relkind = 'r' AND c.relname ~ '_g[0-9]+$' ORDER BY c.relname")
                .mapTo(String.class)
                .list());
    }

    /** The tables the pointers name, sorted by name; none on SQLite. */
    static List<String> referencedTables(Jdbi jdbi) {
        List<Long> generations = jdbi.withHandle(h -> !onPostgres(h) ? List.<Long>of()
                : h.createQuery("SELECT generation FROM import_generations").mapTo(Long.class).list());
        List<String> tables = new ArrayList<>();
        for (long generation : generations) {
            ImportGenerations.TABLES.forEach(table -> tables.add(ImportGenerations.table(table, generation)));
        }
        tables.sort(null);
        return tables;
    }

    /** The generation a source points at on PostgreSQL. */
    static long generationOf(Jdbi jdbi, String tenant, String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT generation FROM import_generations "
                        + "WHERE tenant_id = ? AND source = ?")
                .bind(0, tenant)
                .bind(1, source)
                .mapTo(Long.class)
                .one());
    }

    /** The tenant's rows of {@code table} in the shared table (not an import's own). */
    static long sharedRows(Jdbi jdbi, String table, String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")
                .bind(0, tenant)
                .mapTo(Long.class)
                .one());
    }

    /** The tenant's rows of {@code table}, in the shared table and in its imports' own. */
    static long rowsOf(Jdbi jdbi, String table, String tenant) {
        return sharedRows(jdbi, table, tenant) + jdbi.withHandle(h -> {
            long own = 0;
            if (onPostgres(h) && ImportGenerations.TABLES.contains(table)) {
                for (long generation : ImportGenerations.of(h, tenant).values()) {
                    own += h.createQuery("SELECT COUNT(*) FROM " + ImportGenerations.table(table, generation))
                            .mapTo(Long.class).one();
                }
            }
            return own;
        });
    }

    /**
     * PostgreSQL: puts a source back the way an import before per-import tables left it, its rows in
     * the shared tables and no pointer.
     */
    static void makeLegacy(Jdbi jdbi, String tenant, String source) {
        long generation = generationOf(jdbi, tenant, source);
        jdbi.useTransaction(h -> {
            for (String table : ImportGenerations.TABLES) {
                String own = ImportGenerations.table(table, generation);
                h.createUpdate("INSERT INTO " + table + " SELECT ?, ?, g.* FROM " + own + " g")
                        .bind(0, tenant)
                        .bind(1, source)
                        .execute();
                h.execute("DROP TABLE " + own);
            }
            h.createUpdate("DELETE FROM import_generations WHERE tenant_id = ? AND source = ?")
                    .bind(0, tenant)
                    .bind(1, source)
                    .execute();
        });
    }

    /**
     * Sets {@code column} (a constant of the caller's, never input) of the tenant's subscription
     * items with id {@code itemId} to {@code value}, wherever they are stored.
     */
    static void updateItem(Jdbi jdbi, String tenant, String itemId, String column, String value) {
        jdbi.useHandle(h -> {
            h.createUpdate("UPDATE subscription_items SET " + column + " = ? WHERE tenant_id = ? AND item_id = ?")
                    .bind(0, value).bind(1, tenant).bind(2, itemId).execute();
            if (onPostgres(h)) {
                for (long generation : ImportGenerations.of(h, tenant).values()) {
                    h.createUpdate("UPDATE " + ImportGenerations.table("subscription_items", generation) + " SET "
                            + column + " = ? WHERE item_id = ?").bind(0, value).bind(1, itemId).execute();
                }
            }
        });
    }

    /** Deletes every subscription item of the tenant, wherever it is stored. */
    public static void deleteItems(Jdbi jdbi, String tenant) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM subscription_items WHERE tenant_id = ?").bind(0, tenant).execute();
            if (onPostgres(h)) {
                for (long generation : ImportGenerations.of(h, tenant).values()) {
                    h.execute("DELETE FROM " + ImportGenerations.table("subscription_items", generation));
                }
            }
        });
    }

    private static boolean onPostgres(Handle handle) {
        return SourceWriter.postgres(handle.getConnection()) != null;
    }
}
