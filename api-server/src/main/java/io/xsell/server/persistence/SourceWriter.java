package io.xsell.server.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What the writers of one tenant's source share: rows keyed by {@code (tenant_id, source)} in the
 * caller's transaction, inserted in batches of {@code chunkSize} (one round trip per chunk, while
 * the driver's buffers stay bounded for any size of import).
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

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    @FunctionalInterface
    interface RowBinder<T> {
        /** @param index the row's position in the list */
        void bind(PreparedBatch batch, int index, T row);
    }
}
