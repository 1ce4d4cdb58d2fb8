package io.xsell.server.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * inside the caller's transaction.
 */
abstract class SourceWriter {
    /**
     * Where the second of two alternating ranges of {@code seq} starts on PostgreSQL: an import
     * numbers its rows from 0 or from here, whichever the rows it replaces do not use (see
     * {@link #firstSeqApartFrom}). The reader takes a row's position as its seq modulo this.
     */
    static final int OTHER_HALF = 1 << 30;

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

    /**
     * The seq the first new row of {@code table} takes on PostgreSQL: 0, or {@link #OTHER_HALF}
     * when the source's current rows start at 0. The old rows, deleted in this transaction, stay in
     * the primary key's index until commit (other transactions still see them); a new row with the
     * key of an old one makes PostgreSQL visit the old row in the heap to check uniqueness, and
     * puts both entries on the same index pages. Keys apart from the old ones spare both: the COPY
     * of a re-import took half the time, and at 1M customers a re-import's extra cost over a first
     * import fell from 23-30 s to 0-13 s (docs/performance.md). SQLite numbers every import from 0.
     */
    int firstSeqApartFrom(String table) {
        if (postgres(handle.getConnection()) == null) {
            return 0;
        }
        // any row tells the range: an import's rows all use one
        boolean lowerInUse = handle.createQuery("SELECT seq FROM " + table + " WHERE tenant_id = ? AND source = ? LIMIT 1")
                .bind(0, tenant)
                .bind(1, source)
                .mapTo(Integer.class)
                .findOne()
                .map(seq -> seq < OTHER_HALF)
                .orElse(false);
        return lowerInUse ? OTHER_HALF : 0;
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
     * whose values the writer gives in that order. PostgreSQL: one {@code COPY}, the writer given
     * {@code firstSeq} plus each row's position as its seq; SQLite (which has no COPY): batches of
     * {@code chunkSize}, the writer given each row's position.
     */
    <T> void insertRows(String table, List<String> columns, int firstSeq, List<T> rows, RowWriter<T> writer) {
        if (rows.isEmpty()) {
            return;
        }
        PGConnection postgres = postgres(handle.getConnection());
        if (postgres != null) {
            copyRows(postgres, table, columns, firstSeq, rows, writer);
            return;
        }
        String sql = "INSERT INTO " + table + " (tenant_id, source, " + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size() + 2, "?")) + ")";
        insertInChunks(sql, rows, (batch, index, row) -> writer.write(new BatchOut(batch), index, row));
    }

    private <T> void copyRows(PGConnection postgres, String table, List<String> columns, int firstSeq, List<T> rows,
                              RowWriter<T> writer) {
        if (rows.size() > OTHER_HALF) {
            throw new IllegalArgumentException(table + ": " + rows.size() + " rows, more than one import can number");
        }
        List<String> all = new java.util.ArrayList<>(columns.size() + 2);
        all.add("tenant_id");
        all.add("source");
        all.addAll(columns);
        try (CopyRows copy = CopyRows.into(postgres, table, all)) {
            for (int index = 0; index < rows.size(); index++) {
                copy.text(tenant);
                copy.text(source);
                writer.write(copy, firstSeq + index, rows.get(index));
                copy.endRow();
            }
            copy.finish();
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                    "COPY into " + table + " failed: " + e.getMessage(), e, null);
        }
    }

    /** The PostgreSQL connection under the pool's proxy, or null on another database. */
    private static PGConnection postgres(Connection connection) {
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
        /** @param seq the row's position in the list, plus the first seq on PostgreSQL */
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
