package io.xsell.ingestion.provider;

import io.xsell.core.model.LineKind;
import java.util.Objects;

/**
 * A connection's own mapping of one provider product (Stripe product, Chargebee item or item family), stronger than the product's metadata.
 *
 * @param kind null to keep the metadata's (or the default) kind
 */
public record LineOverride(String productLine, LineKind kind) {
    public LineOverride {
        Objects.requireNonNull(productLine, "product_line");
        if (productLine.isBlank()) {
            throw new IllegalArgumentException("product_line must not be blank");
        }
    }
}
