package io.xsell.benchmark;

import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.MetricsService;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.util.HashSet;
import java.util.Set;

/** The dataset every benchmark measures, so that figures from different runs describe the same data. */
final class BenchData {
    static final long SEED = 42;
    /** The last twelve full months of the generated history (it ends 2026-10-31). */
    static final Window WINDOW = Window.of("2025-11-01", "2026-11-01");
    static final String SEGMENT_BY = "segment";

    private BenchData() {
    }

    static SyntheticAccountSpec spec(int customers) {
        return SyntheticAccountSpec.defaults(SEED, customers);
    }

    static TenantDataset generate(int customers) {
        return SyntheticAccountGenerator.generate(spec(customers));
    }

    /** Prices a freshly generated dataset, printing its shape and how long generating and pricing took. */
    static MrrLedger priceLogged(TenantDataset dataset, long generationNanos) {
        long started = System.nanoTime();
        MrrLedger priced = MrrLedger.of(dataset);
        logSetup(dataset, generationNanos, System.nanoTime() - started);
        return priced;
    }

    /** Generates the dataset and prepares the tenant's metrics over it, as a server's first request does. */
    static MetricsService preparedMetrics(TenantId tenant, int customers) {
        long started = System.nanoTime();
        TenantDataset dataset = generate(customers);
        long generated = System.nanoTime();
        MetricsService metrics = new MetricsService(t -> dataset);
        metrics.prepareMetrics(tenant);
        logSetup(dataset, generated - started, System.nanoTime() - generated);
        return metrics;
    }

    private static void logSetup(TenantDataset dataset, long generationNanos, long pricingNanos) {
        System.out.printf("%n[setup] %s%n[setup] generated in %,d ms, ledger priced in %,d ms%n", shape(dataset),
                generationNanos / 1_000_000, pricingNanos / 1_000_000);
    }

    static String shape(TenantDataset dataset) {
        Set<String> lines = new HashSet<>();
        dataset.products().forEach(p -> lines.add(p.productLine()));
        long open = dataset.items().stream().filter(i -> i.endDate() == null).count();
        Set<String> currencies = new HashSet<>();
        for (RecurringItem item : dataset.items()) {
            currencies.add(item.currency());
        }
        return String.format("%,d customers, %,d recurring items (%.2f per customer, %,d still open), "
                        + "%,d one-time charges, %d products in %d lines, currencies %s, reported in %s",
                dataset.customers().size(), dataset.items().size(),
                dataset.items().size() / (double) dataset.customers().size(), open, dataset.charges().size(),
                dataset.products().size(), lines.size(), currencies, dataset.reportingCurrency());
    }
}
