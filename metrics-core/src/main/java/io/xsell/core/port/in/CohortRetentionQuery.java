package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.time.YearMonth;
import java.util.Objects;

/** A request for the retention of the customers that cross-sold in {@code month} against single-line customers. */
public record CohortRetentionQuery(TenantId tenant, YearMonth month) {
    public CohortRetentionQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(month, "month");
    }
}
