package io.xsell.server.tenant;

import io.xsell.core.model.CurrencyCode;
import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A SaaS company using xsell.
 *
 * @param name              unique, chosen by the operator ({@code acme})
 * @param reportingCurrency every amount of the tenant is reported in it
 */
public record Tenant(TenantId id, String name, String reportingCurrency, Instant createdAt) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("tenant name must be 1 to 63 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; was '" + name + "'");
        }
        reportingCurrency = CurrencyCode.require(reportingCurrency);
    }
}
