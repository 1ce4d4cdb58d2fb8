package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request for the basket of lines held together on one day, and the adoption sequences up to that
 * day ({@code allTime}: over the whole history).
 */
public record BasketQuery(TenantId tenant, LocalDate date, boolean allTime) {
    public BasketQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(date, "date");
    }

    /** Sequences up to {@code date}, the default. */
    public BasketQuery(TenantId tenant, LocalDate date) {
        this(tenant, date, false);
    }
}
