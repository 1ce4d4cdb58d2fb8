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

    /** The id as the row should keep it; null stays null. */
    String customer(int line, String id) {
        return resolve(customers.ids(), line, CUSTOMER_ID, id);
    }

    String product(int line, String id) {
        return resolve(products.ids(), line, PRODUCT_ID, id);
    }

    void forEach(Visitor visitor) {
        for (Pending reference : pending) {
            visitor.visit(reference.line(), reference.column(), reference.id());
        }
    }

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
        return id;
    }
}
