package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void applyOnAnEmptyDatabaseAndThenFindNothingToDo(TestDatabase database) {
        DatabaseConfig config = database.config();

        assertThat(Databases.migrate(config)).isPositive();
        assertThat(Databases.migrate(config)).isZero();

        Jdbi jdbi = Databases.jdbi(config);
        for (String table : List.of("tenants", "api_keys", "imports", "customers", "products", "subscription_items",
                "one_time_charges", "fx_rates", "scheduled_tasks")) {
            assertThat(count(jdbi, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(count(jdbi, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")).isZero();
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
