package io.xsell.core.mrr;

import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.WorkCancelledException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Prices a dataset's items into a ledger's item columns. Past {@value #PARALLEL_FROM} items the
 * second half is priced on another thread while this one prices the first (pricing a million
 * items takes seconds on one core); the halves are added in the dataset's order, so the ledger is
 * the one a single thread builds. Each half has its own {@link PriceMemo}: equal prices may then be
 * two equal instances, which the columns keep as one ({@link PricedItemColumns} numbers amounts by
 * {@code equals}). A cancelled pricing stops the calling thread's half; the other finishes its own.
 */
final class ItemPricing {
    static final int PARALLEL_FROM = 100_000;

    private final TenantDataset dataset;
    private final Map<String, ProductLineRef> lineByProduct;

    private ItemPricing(TenantDataset dataset, Map<String, ProductLineRef> lineByProduct) {
        this.dataset = dataset;
        this.lineByProduct = lineByProduct;
    }

    static PricedItemColumns price(TenantDataset dataset, Map<String, ProductLineRef> lineByProduct,
                                   boolean parallel) {
        ItemPricing pricing = new ItemPricing(dataset, lineByProduct);
        int n = dataset.items().size();
        int split = parallel && n >= PARALLEL_FROM ? n / 2 : n;
        CompletableFuture<PricedItemColumns.Builder> second = split < n
                ? CompletableFuture.supplyAsync(() -> pricing.priceInto(new PricedItemColumns.Builder(n - split), split, n))
                : null;
        PricedItemColumns.Builder builder = pricing.priceInto(new PricedItemColumns.Builder(n), 0, split);
        if (second != null) {
            try {
                builder.addAll(second.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return builder.build(dataset.customers().size());
    }

    private PricedItemColumns.Builder priceInto(PricedItemColumns.Builder builder, int from, int to) {
        List<RecurringItem> items = dataset.items();
        PriceMemo memo = new PriceMemo();
        for (int i = from; i < to; i++) {
            WorkCancelledException.checkInterrupt(); // pricing a million items takes seconds: stop when told
            RecurringItem item = items.get(i);
            BigDecimal rate = dataset.fxRates().rateOn(item.currency(), item.startDate()).orElseThrow();
            int start = Math.toIntExact(item.activeFrom().toEpochDay());
            int end = item.endDate() == null ? PricedItem.OPEN : Math.toIntExact(item.endDate().toEpochDay());
            int line = lineByProduct.get(item.productId()).index();
            BigDecimal monthly = memo.monthly(item, rate);
            if (start >= end) {
                continue; // a trial that outlives the item: never earns MRR, never becomes active
            }
            builder.add(dataset.customerOfItem(i), line, start, end, monthly, item.bundleId() != null);
        }
        return builder;
    }
}
