package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;

/**
 * Does the window-independent work for a tenant's current data ahead of the first query (after
 * an import or sync, say), so that query pays only for its window.
 */
public interface PrepareMetricsUseCase {
    void prepareMetrics(TenantId tenant);
}
