package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/** A request for the monthly products-per-customer trajectory of a window and its attach concentration. */
public record ProductsPerCustomerQuery(TenantId tenant, Window window) {
    public ProductsPerCustomerQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
    }
}
