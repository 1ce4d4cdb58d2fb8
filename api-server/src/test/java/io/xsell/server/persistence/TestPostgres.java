package io.xsell.server.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against: {@value #DEFAULT_URL} as user {@code postgres}, or
 * the URL in {@value #URL_ENV}. Each user of it works in a schema of its own.
 */
public final class TestPostgres {
    public static final String URL_ENV = "XSELL_TEST_POSTGRES_URL";
    public static final String REQUIRE_ENV = "XSELL_REQUIRE_POSTGRES";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String DEFAULT_USER = "postgres";

    private static volatile String unreachable;
    private static volatile boolean probed;

    private TestPostgres() {
    }

    public static String url() {
        String url = System.getenv(URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Null when the URL names its own user, which then must not be overridden. */
    public static String user() {
        return url().contains("user=") ? null : DEFAULT_USER;
    }

    /**
     * Aborts the calling test when the server is unreachable, or fails it when
     * {@value #REQUIRE_ENV}{@code =true} (as on CI), where skipping would hide a broken setup.
     */
    public static void requireReachable() {
        String reason = unreachableReason();
        if (reason == null) {
            return;
        }
        String message = "PostgreSQL at " + url() + " is unreachable: " + reason;
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
            fail(message + " (" + REQUIRE_ENV + "=true requires it; start it with "
                    + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' "
                    + "or point " + URL_ENV + " at a reachable server)");
        }
        Assumptions.abort(message + "; the PostgreSQL cases are skipped (set " + REQUIRE_ENV
                + "=true to fail instead)");
    }

    /** Creates a fresh schema and returns a config whose connections work in it. */
    public static DatabaseConfig createSchema(String prefix) {
        requireReachable();
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new DatabaseConfig(url, user(), null);
    }

    /** Drops the schema a config from {@link #createSchema} works in, with everything in it. */
    public static void dropSchema(DatabaseConfig config) {
        String url = config.getUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static String unreachableReason() {
        if (!probed) {
            synchronized (TestPostgres.class) {
                if (!probed) {
                    try (Connection ignored = connect()) {
                        unreachable = null;
                    } catch (SQLException e) {
                        unreachable = e.getMessage();
                    }
                    probed = true;
                }
            }
        }
        return unreachable;
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "'", e);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user() != null) {
            properties.setProperty("user", user());
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url(), properties);
    }
}
