package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/** A request for logo churn in a window by the number of lines held at its start. */
public record ChurnRiskQuery(TenantId tenant, Window window) {
    public ChurnRiskQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
    }
}
