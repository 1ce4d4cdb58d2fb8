package io.xsell.server.persistence;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class on every supported database: one SQLite file and one PostgreSQL schema per
 * class, dropped after it. Tests of one class share them, so each test uses tenants of its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabases DATABASES = new TestDatabases();
 *
 * static List<TestDatabase> databases() {
 *     return DATABASES.all();
 * }
 *
 * @ParameterizedTest(name = "{0}")
 * @MethodSource("databases")
 * void storesThings(TestDatabase database) {
 *     Jdbi jdbi = database.jdbi();
 *     ...
 * }
 * }</pre>
 *
 * <p>The field must be static: JUnit calls {@link #afterAll} only for extensions registered on
 * the class. When PostgreSQL is unreachable its cases are skipped, unless
 * {@value TestPostgres#REQUIRE_ENV}{@code =true}, which makes them fail.
 */
public final class TestDatabases implements AfterAllCallback {
    private final TestDatabase sqlite = new TestDatabase(Dialect.SQLITE);
    private final TestDatabase postgresql = new TestDatabase(Dialect.POSTGRESQL);

    /** SQLite, then PostgreSQL: the argument list of a {@code @MethodSource}. */
    public List<TestDatabase> all() {
        return List.of(sqlite, postgresql);
    }

    public TestDatabase sqlite() {
        return sqlite;
    }

    public TestDatabase postgresql() {
        return postgresql;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            sqlite.drop();
        } finally {
            postgresql.drop();
        }
    }
}
