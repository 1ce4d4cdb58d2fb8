package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.time.LocalDate;
import java.util.Objects;

/** A request for the basket of lines held together on one day, and the adoption sequences. */
public record BasketQuery(TenantId tenant, LocalDate date) {
    public BasketQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(date, "date");
    }
}
