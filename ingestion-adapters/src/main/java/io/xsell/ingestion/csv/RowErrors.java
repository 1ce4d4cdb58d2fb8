package io.xsell.ingestion.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of rows checked on a worker thread, held until the rows are taken in file order, so the
 * import's {@link ErrorCollector} receives them exactly as if the rows had been checked one by one.
 */
final class RowErrors implements ErrorSink {
    private record Held(ImportFile file, int line, String column, String message) {
    }

    private final List<Held> held = new ArrayList<>(2);

    @Override
    public void add(ImportFile file, int line, String column, String message) {
        held.add(new Held(file, line, column, message));
    }

    /** What the row just checked had, or null for nothing; this buffer is then empty for the next row. */
    RowErrors take() {
        if (held.isEmpty()) {
            return null;
        }
        RowErrors taken = new RowErrors();
        taken.held.addAll(held);
        held.clear();
        return taken;
    }

    void replayInto(ErrorCollector errors) {
        for (Held e : held) {
            errors.add(e.file(), e.line(), e.column(), e.message());
        }
    }
}
