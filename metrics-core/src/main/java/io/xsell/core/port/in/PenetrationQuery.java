package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.time.LocalDate;
import java.util.Objects;

/** A request for line penetration on one day. */
public record PenetrationQuery(TenantId tenant, LocalDate date) {
    public PenetrationQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(date, "date");
    }
}
