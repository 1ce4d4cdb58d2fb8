package io.xsell.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * One database of one dialect for one test class, created on first use: a file in a temporary
 * folder for SQLite, a fresh schema for PostgreSQL. Asking a PostgreSQL one for its config when
 * the server is unreachable aborts (or fails, see {@link TestPostgres#requireReachable}) the test.
 */
public final class TestDatabase {
    private final Dialect dialect;
    private DatabaseConfig config;
    private Path sqliteFolder;
    private Jdbi jdbi;

    TestDatabase(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The database's config; its schema is not migrated until {@link #jdbi()} is called. */
    public synchronized DatabaseConfig config() {
        if (config == null) {
            config = switch (dialect) {
                case SQLITE -> {
                    try {
                        sqliteFolder = Files.createTempDirectory("xsell-test-");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    yield new DatabaseConfig("jdbc:sqlite:" + sqliteFolder.resolve("xsell.db"), null, null);
                }
                case POSTGRESQL -> TestPostgres.createSchema("xsell_t_");
            };
        }
        return config;
    }

    /** An unpooled Jdbi on the migrated database. */
    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            Databases.migrate(config());
            jdbi = Databases.jdbi(config());
        }
        return jdbi;
    }

    /** Removes the database; a later use starts over with a new one. */
    synchronized void drop() {
        if (config == null) {
            return;
        }
        try {
            if (dialect == Dialect.POSTGRESQL) {
                TestPostgres.dropSchema(config);
            } else {
                deleteRecursively(sqliteFolder);
            }
        } finally {
            config = null;
            sqliteFolder = null;
            jdbi = null;
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test database folder " + folder, e);
        }
    }

    /** The display name of a parameterized case. */
    @Override
    public String toString() {
        return dialect.name().toLowerCase(Locale.ROOT);
    }
}
