package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers the errors of one import. Keeps the first {@link #CAP}, counts the rest: a file with
 * millions of bad rows must not hold millions of messages, yet the user should learn how many there were.
 */
final class ErrorCollector implements ErrorSink {
    static final int CAP = 1000;
    /** The longest message kept; with {@link #CAP} and cut names it bounds an error report's size. */
    static final int MESSAGE_MAX = 500;

    private static final Comparator<ImportError> READING_ORDER = Comparator
            .comparingInt((ImportError e) -> fileRank(e.file()))
            .thenComparingInt(ImportError::line);

    private final List<ImportError> kept = new ArrayList<>();
    private long omitted;

    void add(String file, int line, String column, String message) {
        if (kept.size() < CAP) {
            kept.add(new ImportError(Bounds.cut(file), line, Bounds.cut(column), cutMessage(message)));
        } else {
            omitted++;
        }
    }

    @Override
    public void add(ImportFile file, int line, String column, String message) {
        add(file.fileName(), line, column, message);
    }

    /** Messages quote values cut already; this keeps any other from growing an error report without bound. */
    private static String cutMessage(String message) {
        return message == null || message.length() <= MESSAGE_MAX ? message
                : message.substring(0, MESSAGE_MAX) + "…";
    }

    /** Where the errors stand now, to go back to with {@link #rollBack}. */
    Mark mark() {
        return new Mark(kept.size(), omitted);
    }

    /** Forgets every error added since {@code mark}: a file read again reports its own errors again. */
    void rollBack(Mark mark) {
        kept.subList(mark.kept(), kept.size()).clear();
        omitted = mark.omitted();
    }

    record Mark(int kept, long omitted) {
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** True once further errors are only counted; callers may then skip bookkeeping kept for error reports. */
    boolean full() {
        return kept.size() >= CAP;
    }

    /**
     * The kept errors by file and line, so that checks run after all files were read (references,
     * FX coverage) land next to the row they concern; the omitted-errors note comes last.
     */
    List<ImportError> report() {
        List<ImportError> sorted = new ArrayList<>(kept);
        sorted.sort(READING_ORDER);
        if (omitted > 0) {
            sorted.add(new ImportError(null, 0, null, "at least " + omitted + " more error(s) were omitted; only the first "
                    + CAP + " are listed"));
        }
        return sorted;
    }

    ImportValidationException toException() {
        return new ImportValidationException(report());
    }

    private static int fileRank(String file) {
        if (file == null) {
            return Integer.MAX_VALUE;
        }
        ImportFile known = ImportFile.byName(file);
        return known == null ? ImportFile.values().length : known.ordinal();
    }
}
