package io.xsell.ingestion.csv;

import java.time.LocalDate;
import java.util.function.BiPredicate;

/**
 * A file whose rows point at customers and products and carry a price in some currency. Those rules
 * span files, so they are checked once every file has been read, whatever order a zip lists them in.
 */
interface ReferencingTable {

    ImportFile file();

    /** The column holding the day an FX rate must be known by ({@code start_date}, {@code date}). */
    String pricedOnColumn();

    /** References not resolved while reading, rows with other errors included. */
    PendingReferences pendingReferences();

    /**
     * Each built row, in order, whose currency and the day its rate must be known by {@code accepted}
     * refuses.
     */
    void forEachPriceRefused(BiPredicate<String, LocalDate> accepted, PriceVisitor visitor);

    interface PriceVisitor {
        void visit(int line, String currency, LocalDate pricedOn);
    }
}
