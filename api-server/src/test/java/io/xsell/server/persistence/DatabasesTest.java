package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

class DatabasesTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @TempDir
    Path folder;

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @Test
    void findsTheFileOfASqliteUrl() {
        assertThat(Databases.sqliteFile("jdbc:sqlite:xsell-data/xsell.db")).isEqualTo(Path.of("xsell-data/xsell.db"));
        assertThat(Databases.sqliteFile("jdbc:sqlite:file:/tmp/x/y.db?cache=shared")).isEqualTo(Path.of("/tmp/x/y.db"));
        assertThat(Databases.sqliteFile("jdbc:sqlite::memory:")).isNull();
        assertThat(Databases.sqliteFile("jdbc:sqlite:")).isNull();
        assertThat(Databases.sqliteFile("jdbc:postgresql://localhost/x")).isNull();
    }

    @Test
    void unpooledSqliteCreatesItsFolderAndUsesWalWithForeignKeysAndABusyTimeout() throws SQLException {
        Path file = folder.resolve("nested/deeper/xsell.db");
        DataSource source = Databases.dataSource(new DatabaseConfig("jdbc:sqlite:" + file, null, null));

        try (Connection connection = source.getConnection()) {
            assertSqlitePragmas(connection);
        }
        assertThat(file).exists();
    }

    @Test
    void pooledSqliteCreatesItsFolderAndUsesTheSamePragmas() throws Exception {
        Path file = folder.resolve("pooled/xsell.db");
        DataSourceFactory factory = Databases.dataSourceFactory(new DatabaseConfig("jdbc:sqlite:" + file, null, null));

        assertThat(file.getParent()).isDirectory();
        ManagedDataSource source = factory.build(new MetricRegistry(), "test");
        try (Connection connection = source.getConnection()) {
            assertSqlitePragmas(connection);
        } finally {
            source.stop();
        }
    }

    @Test
    void postgresConnectionsRewriteBatchedInserts() throws SQLException {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);

        assertThat(Databases.dataSourceFactory(config).getProperties()).containsEntry("reWriteBatchedInserts", "true");
        assertThat(Databases.dataSource(config).unwrap(PGSimpleDataSource.class).getReWriteBatchedInserts()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theServerJdbiMigratesAndIsPooled(TestDatabase database) throws Exception {
        Environment environment = new Environment("test");
        Jdbi jdbi = Databases.jdbi(environment, database.config());
        try {
            long tenants = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Long.class).one());
            assertThat(tenants).isZero();
            assertThat(environment.healthChecks().getNames()).contains(Databases.POOL_NAME);
            assertThat(Databases.migrate(database.config())).isZero();
        } finally {
            // the server never ran, and a Jetty life cycle only stops what was started
            for (LifeCycle pool : environment.lifecycle().getManagedObjects()) {
                pool.start();
                pool.stop();
            }
        }
    }

    private static void assertSqlitePragmas(Connection connection) throws SQLException {
        assertThat(pragma(connection, "journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(connection, "busy_timeout")).isEqualTo("30000");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
