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

    /** Rows read at a time: each code column is decoded for a block at once ({@code codesInto}). */
    static final int BLOCK = 512;

    private PricedItemColumns.Builder priceInto(PricedItemColumns.Builder builder, int from, int to) {
        PriceMemo memo = new PriceMemo(codes, dataset.fxRates());
        Block block = new Block();
        int added = builder.size();
        for (int at = from; at < to; at += BLOCK) {
            if ((at - from) % CHECK_EVERY < BLOCK) {
                WorkCancelledException.checkInterrupt(); // pricing a million items takes a second: stop when told
            }
            int limit = Math.min(to, at + BLOCK);
            block.read(codes, at, limit);
            for (int r = 0, n = limit - at; r < n; r++) {
                int startCode = block.start[r];
                int start = startDay[startCode];
                int trialEnd = trialEndDay[block.trialEnd[r]];
                int activeFrom = trialEnd > start ? trialEnd : start; // RecurringItem.activeFrom()
                int end = endDay[block.end[r]];
                if (activeFrom >= end) {
                    continue; // a trial that outlives the item: never earns MRR, never becomes active
                }
                int price = memo.price(block.currency[r], startCode, block.unitAmount[r], block.quantity[r],
                        block.discountPercent[r], block.discountAmount[r], block.interval[r], block.intervalCount[r]);
                builder.add(codes.customerOf(at + r), lineOfProduct[block.product[r]], activeFrom, end, price,
                        block.bundle[r] != 0); // the price's number for now: its amount code below
            }
        }
        // Each distinct input priced once, after the loop (which then does no arithmetic), and given
        // its amount code in numbering order: the order the rows first show them, as if each had been
        // coded as it was met.
        int[] amountCodes = new int[memo.count()];
        for (int price = 0; price < amountCodes.length; price++) {
            amountCodes[price] = builder.amountCode(memo.value(price));
        }
        builder.recode(added, amountCodes);
        return builder;
    }

    /**
     * The codes of a block of rows, a plain array per column: the pricing loop then reads ints, where
     * reading each code through its column would bring every column width along at every read.
     */
    private static final class Block {
        final int[] start = new int[BLOCK];
        final int[] trialEnd = new int[BLOCK];
        final int[] end = new int[BLOCK];
        final int[] currency = new int[BLOCK];
        final int[] unitAmount = new int[BLOCK];
        final int[] quantity = new int[BLOCK];
        final int[] discountPercent = new int[BLOCK];
        final int[] discountAmount = new int[BLOCK];
        final int[] interval = new int[BLOCK];
        final int[] intervalCount = new int[BLOCK];
        final int[] product = new int[BLOCK];
        final int[] bundle = new int[BLOCK];

        void read(ItemCodes codes, int from, int to) {
            codes.start().codesInto(from, to, start);
            codes.trialEnd().codesInto(from, to, trialEnd);
            codes.end().codesInto(from, to, end);
            codes.currency().codesInto(from, to, currency);
            codes.unitAmount().codesInto(from, to, unitAmount);
            codes.quantity().codesInto(from, to, quantity);
            codes.discountPercent().codesInto(from, to, discountPercent);
            codes.discountAmount().codesInto(from, to, discountAmount);
            codes.intervalsInto(from, to, interval);
            codes.intervalCountsInto(from, to, intervalCount);
            codes.product().codesInto(from, to, product);
            codes.bundle().codesInto(from, to, bundle);
        }
    }
}
