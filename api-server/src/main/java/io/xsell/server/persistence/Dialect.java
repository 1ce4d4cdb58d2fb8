package io.xsell.server.persistence;

import java.util.Map;

/** The SQL databases xsell stores data in. */
public enum Dialect {
    SQLITE("org.sqlite.JDBC", "sqlite"),
    POSTGRESQL("org.postgresql.Driver", "postgresql");

    private final String driverClass;
    private final String migrationFolder;

    Dialect(String driverClass, String migrationFolder) {
        this.driverClass = driverClass;
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("database.url must start with jdbc:sqlite: or jdbc:postgresql:, was '"
                + jdbcUrl + "'");
    }

    public String driverClass() {
        return driverClass;
    }

    /**
     * Driver properties every connection is opened with. SQLite: write-ahead logging so readers
     * never block the importing writer, a busy timeout so concurrent writers wait rather than fail,
     * and foreign keys, which SQLite leaves off unless asked. PostgreSQL: the driver rewrites a
     * JDBC batch into multi-row inserts, one statement per up to 128 rows instead of one per row.
     */
    public Map<String, String> connectionProperties() {
        return switch (this) {
            case SQLITE -> Map.of("journal_mode", "WAL", "busy_timeout", "30000", "foreign_keys", "true");
            case POSTGRESQL -> Map.of("reWriteBatchedInserts", "true");
        };
    }

    /** Flyway locations: the shared migrations plus this dialect's own. */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }
}
