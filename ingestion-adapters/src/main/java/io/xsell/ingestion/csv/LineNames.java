package io.xsell.ingestion.csv;

import io.xsell.core.model.DisplayNames;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code product_line_name} of each product line in products.csv, kept to refuse a second
 * product that names the same line differently (naming the row that named it first).
 */
final class LineNames {
    private final Map<String, Declared> first = new HashMap<>();

    private record Declared(String name, String productId, int line) {
    }

    void check(RowCheck check, Col column, String productLine, String name, String productId) {
        if (name.length() > DisplayNames.MAX_NAME_LENGTH) {
            check.fail(column, "product_line_name must be at most " + DisplayNames.MAX_NAME_LENGTH
                    + " characters, was " + name.length());
            return;
        }
        Declared declared = first.putIfAbsent(productLine, new Declared(name, productId, check.line()));
        if (declared != null && !declared.name().equals(name)) {
            check.fail(column, "product line '" + productLine + "' is named '" + declared.name() + "' (product '"
                    + declared.productId() + "', line " + declared.line() + ") but product '" + productId
                    + "' names it '" + name + "'; a product line has one name");
        }
    }
}
