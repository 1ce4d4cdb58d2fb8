package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;

/**
 * A table whose rows are checked on the workers ({@link ParallelRows}); a row handed over one at a
 * time, as the first chunk's are, goes through a preparer of the caller's own and is committed at once.
 *
 * @param <P> what a row is made into on a worker
 */
abstract class ParallelTable<P> implements TableReader, ParallelRows<P> {
    private final ImportFile file;
    private final ErrorCollector errors;
    private Preparer<P> own;

    ParallelTable(ImportFile file, ErrorCollector errors) {
        this.file = file;
        this.errors = errors;
    }

    @Override
    public final void row(Row row) {
        if (own == null) {
            own = preparer();
        }
        commit(own.prepare(row));
    }

    /** Records the id of the row on {@code line} in file order; reports and returns true when it is taken. */
    boolean duplicate(IdLineIndex ids, String id, int line, Col column) {
        return id != null && repeated(ids.putIfAbsent(id, line), id, line, column);
    }

    /** Reports the id of the row on {@code line} as a repeat of line {@code first}; false, reporting nothing, when that is 0. */
    boolean repeated(int first, String id, int line, Col column) {
        if (first == 0) {
            return false;
        }
        errors.add(file, line, column.name(),
                "duplicate " + column.name() + " " + Bounds.quote(id) + " (first on line " + first + ")");
        return true;
    }

    /** The row's cell errors, in the order they were found. */
    void replay(RowErrors rowErrors) {
        if (rowErrors != null) {
            rowErrors.replayInto(errors);
        }
    }

    /**
     * What a row's worker built, when the row is kept: its id is no duplicate and its cells passed.
     * Null when it is not, or when the model refused the row ({@code rejected}, reported here on the
     * row's line, in file order like every other error of the file).
     */
    <T> T kept(boolean duplicate, boolean passed, int line, T built, RuntimeException rejected) {
        if (duplicate || !passed) {
            return null;
        }
        if (rejected != null) {
            refused(line, rejected);
        }
        return built;
    }

    /** Reports that the model refused the row on {@code line}, saying why. */
    void refused(int line, RuntimeException rejected) {
        errors.add(file, line, RowCheck.fieldOf(rejected), rejected.getMessage());
    }
}
