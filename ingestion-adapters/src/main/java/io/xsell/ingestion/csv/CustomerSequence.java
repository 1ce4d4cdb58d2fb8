package io.xsell.ingestion.csv;

import io.xsell.core.model.Customer;
import java.util.List;

/**
 * Finds the stored customer ids that one thread's rows refer to. Exports list a customer's rows
 * together and mostly in customers.csv's order, so the id of the next row's customer is nearly always
 * the previous row's or that of the customer kept after it: two compares where looking it up in the
 * customers' id index would take a few cache misses. Only a miss is looked up; while the guesses keep
 * missing (a file in another order), the position of what was found is not looked up to guess again.
 * Safe on one thread at a time, once customers.csv is read.
 */
final class CustomerSequence {
    private static final int TRIES = 16;

    private final CustomersTable customers;
    private String previous;
    private int position = -1; // of previous among the kept customers, or -1 when not known
    private int hits;
    private int misses;

    CustomerSequence(CustomersTable customers) {
        this.customers = customers;
    }

    /**
     * The position among the kept customers of what {@link #find} found last, or -1 when it is not
     * known (not found, customers.csv not read yet, or not looked up while the guesses keep missing).
     */
    int position() {
        return position;
    }

    /** The stored instance of the customer id in {@code cell}, or null when no kept customer has it. */
    String find(CellRange cell) {
        if (previous != null && previous.contentEquals(cell)) {
            return previous;
        }
        CustomerPositions positions = customers.positionsIfRead();
        if (positions == null) {
            position = -1;
            return customers.ids().find(cell); // customers.csv comes later in this zip, or not at all
        }
        List<Customer> kept = customers.customers();
        if (position >= 0 && position + 1 < kept.size()) {
            String next = kept.get(position + 1).id();
            if (next.contentEquals(cell)) {
                hits++;
                position++;
                previous = next;
                return next;
            }
        }
        String found = customers.ids().find(cell);
        position = -1;
        if (found != null) {
            misses++;
            previous = found;
            position = misses <= TRIES || hits >= misses ? positions.position(found) : -1;
        }
        return found;
    }
}
