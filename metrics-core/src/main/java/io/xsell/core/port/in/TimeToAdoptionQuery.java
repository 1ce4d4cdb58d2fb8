package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the time from a customer's first active day to its cross-sell of each line, for
 * the adoptions dated inside {@code window}; a null window is the whole history ({@code scope=all_time}).
 */
public record TimeToAdoptionQuery(TenantId tenant, io.xsell.core.metrics.Window window) {
    public TimeToAdoptionQuery {
        Objects.requireNonNull(tenant, "tenant");
    }
}
