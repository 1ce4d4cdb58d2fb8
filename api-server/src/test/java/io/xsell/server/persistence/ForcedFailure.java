package io.xsell.server.persistence;

import io.xsell.core.model.TenantId;
import org.jdbi.v3.core.Jdbi;

/**
 * A trigger that makes the database reject one subscription item of one tenant, so a test can
 * break an import in the middle of its batches the way a real database error would.
 */
final class ForcedFailure implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;

    private ForcedFailure(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Fails the insert of the tenant's item {@code itemId} with "forced failure" (by id: on
     * PostgreSQL a re-import's seq need not be the item's position).
     */
    static ForcedFailure onItem(TestDatabase database, TenantId tenant, String itemId) {
        // the values are the test's own, never user input, so they are inlined into the DDL
        String condition = "NEW.tenant_id = '" + tenant.value() + "' AND NEW.item_id = '" + itemId + "'";
        Jdbi jdbi = database.jdbi();
        jdbi.useHandle(h -> {
            if (database.dialect() == Dialect.SQLITE) {
                h.execute("CREATE TRIGGER forced_failure BEFORE INSERT ON subscription_items WHEN " + condition
                        + " BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
            } else {
                h.execute("CREATE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS "
                        + "'BEGIN RAISE EXCEPTION ''forced failure''; END'");
                h.execute("CREATE TRIGGER forced_failure BEFORE INSERT ON subscription_items FOR EACH ROW WHEN ("
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
                h.execute("DROP TRIGGER forced_failure ON subscription_items");
                h.execute("DROP FUNCTION forced_failure()");
            }
        });
    }
}
