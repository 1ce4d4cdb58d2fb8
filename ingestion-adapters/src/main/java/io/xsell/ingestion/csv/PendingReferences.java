package io.xsell.ingestion.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The customer and product ids one file's rows point at. Each is looked up once, when the row is read:
 * a known id hands back the referenced row's string, so millions of references share a few strings,
 * and needs no second look. An id not known yet is kept, with its line, for the check after all files
 * are read: in a zip the referenced file may come later.
 */
final class PendingReferences {
    static final String CUSTOMER_ID = "customer_id";
    static final String PRODUCT_ID = "product_id";

    private final CustomersTable customers;
    private final ProductsTable products;
    private final ErrorCollector errors;
    private final List<Pending> pending = new ArrayList<>();
    private String lastKnownCustomer;

    private record Pending(int line, String column, String id) {
    }

    interface Visitor {
        void visit(int line, String column, String id);
    }

    PendingReferences(CustomersTable customers, ProductsTable products, ErrorCollector errors) {
        this.customers = customers;
        this.products = products;
        this.errors = errors;
    }

    /**
     * The id as the row should keep it; null stays null. A customer's rows follow each other in an
     * export, so a known customer id equal to the previous one is not looked up again.
     */
    String customer(int line, String id) {
        if (id != null && id.equals(lastKnownCustomer)) {
            return lastKnownCustomer;
        }
        String stored = resolve(customers.ids(), line, CUSTOMER_ID, id);
        if (stored != null) {
            lastKnownCustomer = stored;
            return stored;
        }
        return id;
    }

    String product(int line, String id) {
        String stored = resolve(products.ids(), line, PRODUCT_ID, id);
        return stored != null ? stored : id;
    }

    /**
     * The customers whose ids are referred to, for finding the stored instance of an id a cell holds
     * ({@link CustomerSequence}). Safe on any thread: the import reads one file at a time, so the
     * referenced files' ids do not change while another file's rows are checked.
     */
    CustomersTable customers() {
        return customers;
    }

    /**
     * The stored instance of the product id a cell holds, or null when it is not known (yet); no string
     * is made of the cell. Safe on any thread, as {@link #customers()}.
     */
    String knownProduct(CellRange id) {
        return products.ids().find(id);
    }

    void forEach(Visitor visitor) {
        for (Pending reference : pending) {
            visitor.visit(reference.line(), reference.column(), reference.id());
        }
    }

    /** The known instance of the id, or null when it is null or not known yet (then kept for later). */
    private String resolve(IdLineIndex known, int line, String column, String id) {
        if (id == null) {
            return null;
        }
        String stored = known.find(id);
        if (stored != null) {
            return stored;
        }
        // Once errors are only counted, an unknown id could add nothing to the report but a count.
        if (!errors.full()) {
            pending.add(new Pending(line, column, id));
        }
        return null;
    }
}
