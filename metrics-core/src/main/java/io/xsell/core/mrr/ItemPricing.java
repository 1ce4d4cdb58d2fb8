package io.xsell.core.mrr;

import io.xsell.core.model.DictionaryColumn;
import io.xsell.core.model.ItemCodes;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.WorkCancelledException;
import java.time.LocalDate;
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
        // one set of arrays for both halves: a row gives at most one item, so the second half's fit from split on
        PricedItemColumns.Builder builder = new PricedItemColumns.Builder(n);
        PricedItemColumns.Builder secondHalf = builder.sharing(split);
        CompletableFuture<PricedItemColumns.Builder> second = split < n
                ? CompletableFuture.supplyAsync(() -> pricing.priceInto(secondHalf, split, n))
                : null;
        pricing.priceInto(builder, 0, split);
        if (second != null) {
            try {
                builder.addAll(second.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return builder.build(dataset.customers().size());
    }

    /** Rows read at a time: each code column is decoded for a block at once ({@link ItemCodes#codesInto}). */
    static final int BLOCK = 512;

    private PricedItemColumns.Builder priceInto(PricedItemColumns.Builder builder, int from, int to) {
        PriceMemo memo = new PriceMemo(codes, dataset.fxRates());
        int added = builder.size();
        numberRows(builder, memo, from, to);
        codeAmounts(builder, memo, added);
        return builder;
    }

    /**
     * Adds rows {@code [from, to)} to {@code builder}, each with its price's number in {@code memo} for
     * an amount code ({@link #codeAmounts} replaces it): the loop does lookups only, no arithmetic, so
     * it compiles small and early (a JVM that runs {@code report} once runs this loop once).
     */
    private void numberRows(PricedItemColumns.Builder builder, PriceMemo memo, int from, int to) {
        int[][] block = new int[ItemCodes.COLUMNS][BLOCK];
        int[] starts = block[ItemCodes.START];
        int[] trialEnds = block[ItemCodes.TRIAL_END];
        int[] ends = block[ItemCodes.END];
        int[] currencies = block[ItemCodes.CURRENCY];
        int[] unitAmounts = block[ItemCodes.UNIT_AMOUNT];
        int[] quantities = block[ItemCodes.QUANTITY];
        int[] discountPercents = block[ItemCodes.DISCOUNT_PERCENT];
        int[] discountAmounts = block[ItemCodes.DISCOUNT_AMOUNT];
        int[] intervals = block[ItemCodes.INTERVAL];
        int[] intervalCounts = block[ItemCodes.INTERVAL_COUNT];
        int[] products = block[ItemCodes.PRODUCT];
        int[] bundles = block[ItemCodes.BUNDLE];
        for (int at = from; at < to; at += BLOCK) {
            if ((at - from) % CHECK_EVERY < BLOCK) {
                WorkCancelledException.checkInterrupt(); // pricing a million items takes a second: stop when told
            }
            int limit = Math.min(to, at + BLOCK);
            codes.codesInto(at, limit, block);
            for (int r = 0, n = limit - at; r < n; r++) {
                int startCode = starts[r];
                int start = startDay[startCode];
                int trialEnd = trialEndDay[trialEnds[r]];
                int activeFrom = trialEnd > start ? trialEnd : start; // RecurringItem.activeFrom()
                int end = endDay[ends[r]];
                if (activeFrom >= end) {
                    continue; // a trial that outlives the item: never earns MRR, never becomes active
                }
                int price = memo.price(currencies[r], startCode, unitAmounts[r], quantities[r], discountPercents[r],
                        discountAmounts[r], intervals[r], intervalCounts[r]);
                builder.add(codes.customerOf(at + r), lineOfProduct[products[r]], activeFrom, end, price,
                        bundles[r] != 0);
            }
        }
    }

    /**
     * Prices each distinct input once and gives the items added from index {@code added} on their
     * amount codes, numbering the amounts in the order of the inputs' numbers: the order the rows
     * first show them, as if each had been coded as it was met.
     */
    private static void codeAmounts(PricedItemColumns.Builder builder, PriceMemo memo, int added) {
        int[] amountCodes = new int[memo.count()];
        for (int price = 0; price < amountCodes.length; price++) {
            amountCodes[price] = builder.amountCode(memo.value(price));
        }
        builder.recode(added, amountCodes);
    }
}
