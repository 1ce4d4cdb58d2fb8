package io.xsell.server.dataimport;

import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.PrepareMetricsUseCase;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices a tenant's new data on a background thread right after an import, so the first query
 * pays only for its window. A query arriving earlier simply waits for the same pricing.
 */
public class BackgroundPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPreparation.class);

    private final PrepareMetricsUseCase metrics;
    private final ExecutorService executor;

    public BackgroundPreparation(PrepareMetricsUseCase metrics, ExecutorService executor) {
        this.metrics = metrics;
        this.executor = executor;
    }

    public void afterImport(TenantId tenant) {
        executor.execute(() -> {
            try {
                metrics.prepareMetrics(tenant);
            } catch (RuntimeException e) {
                // the first query will try again and report the problem to its caller
                LOG.warn("Preparing metrics of tenant {} after an import failed", tenant, e);
            }
        });
    }
}
