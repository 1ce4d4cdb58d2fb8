package io.xsell.server.port.in;

import io.xsell.core.model.LineKind;
import java.util.Objects;

/**
 * A connection's own mapping of one billing-system product to a product line.
 *
 * @param kind null to keep the product's own (or the default) kind
 */
public record ProductLineOverride(String productLine, LineKind kind) {
    public ProductLineOverride {
        Objects.requireNonNull(productLine, "productLine");
        if (productLine.isBlank()) {
            throw new IllegalArgumentException("productLine must not be blank");
        }
    }
}
