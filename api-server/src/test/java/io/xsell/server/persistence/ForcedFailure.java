package io.xsell.server.persistence;

import io.xsell.core.model.TenantId;
import org.jdbi.v3.core.Jdbi;

/**
 * A trigger that makes the database fail one tenant's import late, after rows of it went in, the
 * way a real database error would: on SQLite at one subscription item, in the middle of the
 * batches; on PostgreSQL, whose items go into a table the import itself creates (no trigger can
 * wait there), at the switch of the source to that import's tables, after every COPY.
 */
final class ForcedFailure implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;

    private ForcedFailure(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Fails the tenant's next import with "forced failure": on SQLite at the insert of item
     * {@code itemId}, on PostgreSQL when it points its source at its new tables.
     */
    static ForcedFailure onItem(TestDatabase database, TenantId tenant, String itemId) {
        // the values are the test's own, never user input, so they are inlined into the DDL
        String condition = database.dialect() == Dialect.SQLITE
                ? "NEW.tenant_id = '" + tenant.value() + "' AND NEW.item_id = '" + itemId + "'"
                : "NEW.tenant_id = '" + tenant.value() + "'";
        Jdbi jdbi = database.jdbi();
        jdbi.useHandle(h -> {
            if (database.dialect() == Dialect.SQLITE) {
                h.execute("CREATE TRIGGER forced_failure BEFORE INSERT ON subscription_items WHEN " + condition
                        + " BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
            } else {
                h.execute("CREATE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS "
                        + "'BEGIN RAISE EXCEPTION ''forced failure''; END'");
                h.execute("CREATE TRIGGER forced_failure BEFORE INSERT OR UPDATE ON import_generations FOR EACH ROW WHEN ("
                        + condition + ") EXECUTE FUNCTION forced_failure()");
            }
        });
        return new ForcedFailure(jdbi, database.dialect());
    }

    @Override
    public void close() {
        jdbi.useHandle(h -> {
            if (dialect == Dialect.SQLITE) {
                h.execute("DROP TRIGGER forced_failure");
            } else {
                h.execute("DROP TRIGGER forced_failure ON import_generations");
                h.execute("DROP FUNCTION forced_failure()");
            }
        });
    }
}
