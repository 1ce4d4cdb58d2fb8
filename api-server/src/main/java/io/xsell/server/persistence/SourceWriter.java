package io.xsell.server.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;

/**
 * What the writers of one tenant's source share: rows keyed by {@code (tenant_id, source)} in the
 * caller's transaction, inserted in batches of {@code chunkSize} (one round trip per chunk, while
 * the driver's buffers stay bounded for any size of import). On PostgreSQL, {@link #insertRows}
 * streams the rows with {@code COPY} instead, several times faster than batched inserts, still
 * inside the caller's transaction; the three large tables go to tables of the import's own there
 * ({@link #copyInto}).
 */
abstract class SourceWriter {
    final Handle handle;
    final String tenant;
    final String source;
    final int chunkSize;

    SourceWriter(Handle handle, String tenant, String source, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1, was " + chunkSize);
        }
        this.handle = handle;
        this.tenant = tenant;
        this.source = source;
        this.chunkSize = chunkSize;
    }

    void deleteSource(List<String> tables) {
        for (String table : tables) {
            handle.createUpdate("DELETE FROM " + table + " WHERE tenant_id = ? AND source = ?")
                    .bind(0, tenant)
                    .bind(1, source)
                    .execute();
        }
    }

    /** Binds tenant and source as parameters 0 and 1 of every row; the binder the rest, from 2. */
    <T> void insertInChunks(String sql, List<T> rows, RowBinder<T> binder) {
        for (int start = 0; start < rows.size(); start += chunkSize) {
            int end = Math.min(start + chunkSize, rows.size());
            try (PreparedBatch batch = handle.prepareBatch(sql)) {
                for (int index = start; index < end; index++) {
                    batch.bind(0, tenant).bind(1, source);
                    binder.bind(batch, index, rows.get(index));
                    batch.add();
                }
                batch.execute();
            }
        }
    }

    /**
     * Inserts the rows into {@code table}: {@code tenant_id, source} and then {@code columns},
     * whose values the writer gives in that order, each row's position in the list as its seq.
     * PostgreSQL: one {@code COPY}; SQLite (which has no COPY): batches of {@code chunkSize}.
     */
    <T> void insertRows(String table, List<String> columns, List<T> rows, RowWriter<T> writer) {
        if (rows.isEmpty()) {
            return;
        }
        PGConnection postgres = postgres(handle.getConnection());
        if (postgres != null) {
            List<String> all = new ArrayList<>(columns.size() + 2);
            all.add("tenant_id");
            all.add("source");
            all.addAll(columns);
            copyRows(postgres, table, all, false, rows, writer);
            return;
        }
        String sql = "INSERT INTO " + table + " (tenant_id, source, " + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size() + 2, "?")) + ")";
        insertInChunks(sql, rows, (batch, index, row) -> writer.write(new BatchOut(batch), index, row));
    }

    /**
     * PostgreSQL only: COPYs the rows into {@code table}, created by this transaction for this
     * import alone ({@link ImportGenerations}), so its rows carry no tenant or source. {@code FREEZE}
     * writes them already visible to all, which spares the first load after the import rewriting
     * every page to set hint bits; it is safe because no other transaction can see the table before
     * this one commits.
     */
    <T> void copyInto(String table, List<String> columns, List<T> rows, RowWriter<T> writer) {
        copyRows(postgres(handle.getConnection()), table, columns, true, rows, writer);
    }

    boolean onPostgres() {
        return postgres(handle.getConnection()) != null;
    }

    private <T> void copyRows(PGConnection postgres, String table, List<String> columns, boolean ownTable,
                              List<T> rows, RowWriter<T> writer) {
        try (CopyRows copy = CopyRows.into(postgres, table, columns, ownTable)) {
            for (int index = 0; index < rows.size(); index++) {
                if (!ownTable) {
                    copy.text(tenant);
                    copy.text(source);
                }
                writer.write(copy, index, rows.get(index));
                copy.endRow();
            }
            copy.finish();
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                    "COPY into " + table + " failed: " + e.getMessage(), e, null);
        }
    }

    /** The PostgreSQL connection under the pool's proxy, or null on another database. */
    static PGConnection postgres(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Where a row's values go, in the order of its columns. */
    interface RowOut {
        void text(String value);

        void integer(int value);
    }

    @FunctionalInterface
    interface RowWriter<T> {
        /** @param seq the row's position in the list */
        void write(RowOut out, int seq, T row);
    }

    /** Binds a row's values to a batch from parameter 2 on (0 and 1 are tenant and source). */
    private static final class BatchOut implements RowOut {
        private final PreparedBatch batch;
        private int position = 2;

        BatchOut(PreparedBatch batch) {
            this.batch = batch;
        }

        @Override
        public void text(String value) {
            batch.bind(position++, value);
        }

        @Override
        public void integer(int value) {
            batch.bind(position++, value);
        }
    }

    @FunctionalInterface
    interface RowBinder<T> {
        /** @param index the row's position in the list */
        void bind(PreparedBatch batch, int index, T row);
    }
}
