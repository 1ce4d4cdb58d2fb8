package io.xsell.core.mrr;

import io.xsell.core.model.DictionaryColumn;
import io.xsell.core.model.ItemCodes;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.WorkCancelledException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Prices a dataset's items into a ledger's item columns, reading the items' codes
 * ({@link TenantDataset#itemCodes()}) rather than building a {@code RecurringItem} per item: the
 * line, the days and the price are worked out once per distinct code (or input, {@link PriceMemo})
 * and looked up for each item. Past {@value #PARALLEL_FROM} items the second half is priced on
 * another thread while this one prices the first (pricing a million items takes a second on one
 * core); the halves are added in the dataset's order, so the ledger is the one a single thread
 * builds. Each half has its own {@link PriceMemo}: equal prices may then be two equal instances,
 * which the columns keep as one ({@link PricedItemColumns} numbers amounts by {@code equals}). A
 * cancelled pricing stops the calling thread's half (checked every {@value #CHECK_EVERY} items);
 * the other finishes its own.
 */
final class ItemPricing {
    static final int PARALLEL_FROM = 100_000;
    static final int CHECK_EVERY = 4096;

    private final TenantDataset dataset;
    private final ItemCodes codes;
    private final int[] lineOfProduct;
    private final int[] startDay;
    private final int[] endDay;
    private final int[] trialEndDay;

    private ItemPricing(TenantDataset dataset, Map<String, ProductLineRef> lineByProduct) {
        this.dataset = dataset;
        this.codes = dataset.itemCodes();
        DictionaryColumn<String> products = codes.product();
        this.lineOfProduct = new int[products.codeCount()];
        for (int code = 1; code < lineOfProduct.length; code++) {
            lineOfProduct[code] = lineByProduct.get(products.value(code)).index();
        }
        this.startDay = days(codes.start(), 0);
        this.endDay = days(codes.end(), PricedItem.OPEN);
        this.trialEndDay = days(codes.trialEnd(), Integer.MIN_VALUE);
    }

    /** The epoch day of each code's date, {@code none} for code 0. */
    private static int[] days(DictionaryColumn<LocalDate> dates, int none) {
        int[] days = new int[dates.codeCount()];
        days[0] = none;
        for (int code = 1; code < days.length; code++) {
            days[code] = Math.toIntExact(dates.value(code).toEpochDay());
        }
        return days;
    }

    static PricedItemColumns price(TenantDataset dataset, Map<String, ProductLineRef> lineByProduct,
                                   boolean parallel) {
        ItemPricing pricing = new ItemPricing(dataset, lineByProduct);
        int n = pricing.codes.size();
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
        PriceMemo memo = new PriceMemo(codes, dataset.fxRates());
        int[] amountCodes = new int[256]; // the builder's amount code + 1 of each of the memo's prices; 0: not yet
        for (int i = from; i < to; i++) {
            if ((i - from) % CHECK_EVERY == 0) {
                WorkCancelledException.checkInterrupt(); // pricing a million items takes a second: stop when told
            }
            int startCode = codes.start().code(i);
            int start = startDay[startCode];
            int trialEnd = trialEndDay[codes.trialEnd().code(i)];
            int activeFrom = trialEnd > start ? trialEnd : start; // RecurringItem.activeFrom()
            int end = endDay[codes.end().code(i)];
            if (activeFrom >= end) {
                continue; // a trial that outlives the item: never earns MRR, never becomes active
            }
            int price = memo.price(i, startCode);
            if (price >= amountCodes.length) {
                amountCodes = Arrays.copyOf(amountCodes, Math.max(price + 1, amountCodes.length * 2));
            }
            if (amountCodes[price] == 0) {
                amountCodes[price] = builder.amountCode(memo.value(price)) + 1;
            }
            builder.add(codes.customerOf(i), lineOfProduct[codes.product().code(i)], activeFrom, end,
                    amountCodes[price] - 1, codes.bundle().code(i) != 0);
        }
        return builder;
    }
}
