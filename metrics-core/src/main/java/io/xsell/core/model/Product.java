package io.xsell.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A billable product as the billing system knows it, mapped to exactly one product line.
 * Cross-sell is measured on lines, so two products of one line (monthly and annual plans, say)
 * count as the same thing held.
 *
 * @param grossMargin optional, 0..1; used for CLV
 * @param lineName    optional display name of the product line (products.csv {@code product_line_name});
 *                    at most 200 characters
 */
public record Product(String id, String name, String productLine, LineKind kind, BigDecimal grossMargin,
                      String lineName) {
    public Product {
        if (lineName != null && (lineName.isBlank() || lineName.length() > DisplayNames.MAX_NAME_LENGTH)) {
            throw new InvalidFieldException("product_line_name", "product_line_name must be 1 to "
                    + DisplayNames.MAX_NAME_LENGTH + " characters and not blank");
        }
        Ids.require(id, "product_id");
        Ids.require(productLine, "product_line");
        Objects.requireNonNull(kind, "kind");
        Bounds.length(name, "name", Bounds.NAME_MAX);
        Bounds.magnitude(grossMargin, "gross_margin");
        if (grossMargin != null && (grossMargin.signum() < 0 || grossMargin.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("gross_margin must be between 0 and 1, was " + grossMargin);
        }
    }

    public Product(String id, String name, String productLine, LineKind kind, BigDecimal grossMargin) {
        this(id, name, productLine, kind, grossMargin, null);
    }

    /** A product that is its own line, of kind {@code module}: the defaults of the import format. */
    public static Product standalone(String id) {
        return new Product(id, null, id, LineKind.MODULE, null);
    }

    public static Product inLine(String id, String productLine, LineKind kind) {
        return new Product(id, null, productLine, kind, null);
    }
}
