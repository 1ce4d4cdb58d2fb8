package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.util.Objects;

/** A request for the time from a customer's first active day to its cross-sell of each line (whole history). */
public record TimeToAdoptionQuery(TenantId tenant) {
    public TimeToAdoptionQuery {
        Objects.requireNonNull(tenant, "tenant");
    }
}
