package io.xsell.server.persistence;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connections and schema for a {@link DatabaseConfig}, on either dialect. */
public final class Databases {
    public static final String POOL_NAME = "jdbi";

    private Databases() {
    }

    /**
     * The server's Jdbi: migrates the schema first, so nothing reads an outdated one, then builds
     * {@link #jdbi(Environment, DatabaseConfig, String)} named {@value #POOL_NAME} (not
     * {@code database}, the name of the application's own health check).
     */
    public static Jdbi jdbi(Environment environment, DatabaseConfig config) {
        migrate(config);
        return jdbi(environment, config, POOL_NAME);
    }

    /**
     * A pooled Jdbi whose pool is started and stopped with the server and reported by its health
     * checks and metrics.
     */
    public static Jdbi jdbi(Environment environment, DatabaseConfig config, String name) {
        return new JdbiFactory().build(environment, dataSourceFactory(config), name);
    }

    /**
     * A Jdbi that opens a connection per handle and needs no lifecycle: for CLI commands and tests,
     * which run outside a server.
     */
    public static Jdbi jdbi(DatabaseConfig config) {
        return Jdbi.create(dataSource(config));
    }

    /** The Dropwizard pool settings for {@code config}, with the dialect's connection properties. */
    public static DataSourceFactory dataSourceFactory(DatabaseConfig config) {
        Dialect dialect = config.dialect();
        createSqliteFolder(config.getUrl());
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(dialect.driverClass());
        factory.setUrl(config.getUrl());
        factory.setUser(config.getUser());
        factory.setPassword(config.getPassword());
        factory.setProperties(new LinkedHashMap<>(dialect.connectionProperties()));
        factory.setMaxSize(config.getMaxConnections());
        factory.setMinSize(Math.min(2, config.getMaxConnections()));
        factory.setInitialSize(Math.min(2, config.getMaxConnections()));
        return factory;
    }

    /** An unpooled data source with the dialect's connection properties. */
    public static DataSource dataSource(DatabaseConfig config) {
        Dialect dialect = config.dialect();
        return switch (dialect) {
            case SQLITE -> {
                createSqliteFolder(config.getUrl());
                Properties properties = new Properties();
                properties.putAll(dialect.connectionProperties());
                SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig(properties));
                source.setUrl(config.getUrl());
                yield source;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setURL(config.getUrl());
                // the URL may carry the credentials; only explicit ones override them
                if (config.getUser() != null) {
                    source.setUser(config.getUser());
                }
                if (config.getPassword() != null) {
                    source.setPassword(config.getPassword());
                }
                try {
                    for (var property : dialect.connectionProperties().entrySet()) {
                        source.setProperty(property.getKey(), property.getValue());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("PostgreSQL driver rejected a connection property", e);
                }
                yield source;
            }
        };
    }

    /** Brings the schema of {@code config}'s database up to date; returns how many migrations it applied. */
    public static int migrate(DatabaseConfig config) {
        return migrate(dataSource(config), config.dialect());
    }

    /** Applies the migrations {@code dataSource} lacks; returns how many (0 when up to date). */
    public static int migrate(DataSource dataSource, Dialect dialect) {
        MigrateResult result = Flyway.configure(Databases.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocations())
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** SQLite creates the database file on connect, but not the folder it lives in. */
    static void createSqliteFolder(String jdbcUrl) {
        Path file = sqliteFile(jdbcUrl);
        if (file == null || file.toAbsolutePath().getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the SQLite database " + file, e);
        }
    }

    /** The file of a {@code jdbc:sqlite:} URL; null for in-memory databases and other dialects. */
    static Path sqliteFile(String jdbcUrl) {
        String prefix = "jdbc:sqlite:";
        if (!jdbcUrl.startsWith(prefix)) {
            return null;
        }
        String location = jdbcUrl.substring(prefix.length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith(":resource:")) {
            return null;
        }
        return Path.of(location);
    }
}
