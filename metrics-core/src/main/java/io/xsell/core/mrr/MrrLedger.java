package io.xsell.core.mrr;

import io.xsell.core.model.Customer;
import io.xsell.core.model.DictionaryColumn;
import io.xsell.core.model.DistinctValues;
import io.xsell.core.model.HeapFootprint;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.WorkCancelledException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's dataset priced once: every item's MRR in the reporting currency, grouped by customer
 * and indexed by product line. Pricing is the expensive, window-independent half of the work, so
 * one ledger serves any number of window queries. Immutable and safe to share between threads.
 * The items are held in columns ({@link PricedItemColumns}) so that a large tenant's ledger stays small
 * in a server's cache; {@link #items} builds the records on demand.
 */
public final class MrrLedger {
    private static final PricedItem[] NO_ITEMS = new PricedItem[0];
    private static final PricedCharge[] NO_CHARGES = new PricedCharge[0];

    private final String currency;
    private final List<ProductLineRef> lines;
    private final Customer[] customers;
    private final PricedItemColumns items;
    private final PricedChargeColumns charges;
    private volatile long retainedBytes = -1;

    private MrrLedger(String currency, List<ProductLineRef> lines, Customer[] customers,
                      PricedItemColumns items, PricedChargeColumns charges) {
        this.currency = currency;
        this.lines = lines;
        this.customers = customers;
        this.items = items;
        this.charges = charges;
    }

    public static MrrLedger of(TenantDataset dataset) {
        Map<String, ProductLineRef> lineByName = indexLines(dataset.products());
        Map<String, ProductLineRef> lineByProduct = new HashMap<>(dataset.products().size() * 2);
        for (Product p : dataset.products()) {
            lineByProduct.put(p.id(), lineByName.get(p.productLine()));
        }
        Customer[] customers = dataset.customers().toArray(new Customer[0]);
        PricedItemColumns items = ItemPricing.price(dataset, lineByProduct, true);
        WorkCancelledException.checkInterrupt();
        return new MrrLedger(dataset.reportingCurrency(), List.copyOf(lineByName.values()), customers, items,
                priceCharges(dataset));
    }

    /**
     * A ledger priced earlier from this dataset (by {@link #of}) and kept elsewhere, put back
     * together without pricing: {@code items[c]} and {@code charges[c]} belong to the dataset's
     * {@code c}-th customer, items ordered by the day they start earning. Checks that the parts
     * fit the dataset's customers and product lines, not that they are the prices of its items:
     * that is the keeper's guarantee (a copy tied to the dataset's version and checksummed).
     *
     * @throws IllegalArgumentException when the parts do not fit the dataset
     */
    public static MrrLedger restore(TenantDataset dataset, PricedItem[][] items, PricedCharge[][] charges) {
        Customer[] customers = dataset.customers().toArray(new Customer[0]);
        List<ProductLineRef> lines = List.copyOf(indexLines(dataset.products()).values());
        if (items.length != customers.length || charges.length != customers.length) {
            throw new IllegalArgumentException("a restored ledger needs items and charges for each of the "
                    + customers.length + " customers, got " + items.length + " and " + charges.length);
        }
        for (int c = 0; c < customers.length; c++) {
            int previousStart = Integer.MIN_VALUE;
            for (PricedItem item : items[c]) {
                if (item.line() < 0 || item.line() >= lines.size() || item.activeFrom() >= item.end()
                        || item.activeFrom() < previousStart) {
                    throw new IllegalArgumentException("restored item " + item + " of customer '"
                            + customers[c].id() + "' does not fit the dataset's " + lines.size() + " lines");
                }
                previousStart = item.activeFrom();
            }
        }
        return new MrrLedger(dataset.reportingCurrency(), lines, customers, PricedItemColumns.of(items),
                PricedChargeColumns.of(charges));
    }

    /**
     * A ledger priced earlier from this dataset, put back from its {@link #image} without a
     * {@link PricedItem} or {@link PricedCharge} per row. Checks, as {@link #restore(TenantDataset,
     * PricedItem[][], PricedCharge[][])} does, that the columns fit the dataset's customers and lines
     * and that each customer's items are ordered by start; that they are the prices of its items is
     * the keeper's guarantee.
     *
     * @throws IllegalArgumentException naming the column and row that do not fit
     */
    public static MrrLedger restore(TenantDataset dataset, LedgerImage image) {
        Customer[] customers = dataset.customers().toArray(new Customer[0]);
        List<ProductLineRef> lines = List.copyOf(indexLines(dataset.products()).values());
        if (image.items() == null || image.charges() == null) {
            throw new IllegalArgumentException("a ledger image needs its items and charges");
        }
        return new MrrLedger(dataset.reportingCurrency(), lines, customers,
                PricedItemColumns.of(image.items(), customers.length, lines.size()),
                PricedChargeColumns.of(image.charges(), customers.length));
    }

    /** The priced columns as plain arrays (copies): what {@link #restore(TenantDataset, LedgerImage)} puts back. */
    public LedgerImage image() {
        return new LedgerImage(items.image(), charges.image());
    }

    private static Map<String, ProductLineRef> indexLines(List<Product> products) {
        TreeMap<String, Product> firstByLine = new TreeMap<>();
        for (Product p : products) {
            firstByLine.putIfAbsent(p.productLine(), p);
        }
        Map<String, ProductLineRef> lines = new java.util.LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Product> e : firstByLine.entrySet()) {
            lines.put(e.getKey(), new ProductLineRef(index++, e.getKey(), e.getValue().kind()));
        }
        return lines;
    }

    /**
     * Each charge's amount times its currency's rate on its day, read by the charges' codes: the rate
     * looked up once per (currency, date) pair of codes and numbered by {@code equals}, the product
     * computed once per (amount, rate) pair, so equal inputs give the very value (and scale) the
     * per-charge product gave, without a {@code OneTimeCharge} or a rate lookup per charge.
     */
    private static PricedChargeColumns priceCharges(TenantDataset dataset) {
        DictionaryColumn<LocalDate> dates = dataset.chargeDates();
        DictionaryColumn<BigDecimal> charged = dataset.chargeAmounts();
        DictionaryColumn<String> currencies = dataset.chargeCurrencies();
        int size = dataset.charges().size();
        int[] customers = new int[size];
        int[] days = new int[size];
        BigDecimal[] amounts = new BigDecimal[size];
        int[] dayOfDate = new int[dates.codeCount()];
        for (int code = 1; code < dayOfDate.length; code++) {
            dayOfDate[code] = Math.toIntExact(dates.value(code).toEpochDay());
        }
        CodeTuples currencyDates = new CodeTuples(2);
        int[] rateOfPair = new int[64]; // the rate's number + 1; 0: not looked up yet
        DistinctValues<BigDecimal> rates = new DistinctValues<>();
        CodeTuples amountRates = new CodeTuples(2);
        BigDecimal[] products = new BigDecimal[64];
        int[] key = new int[2];
        for (int k = 0; k < size; k++) {
            int currency = currencies.code(k);
            int date = dates.code(k);
            key[0] = currency;
            key[1] = date;
            int pair = currencyDates.number(key);
            if (pair == rateOfPair.length) {
                rateOfPair = Arrays.copyOf(rateOfPair, 2 * pair);
            }
            if (rateOfPair[pair] == 0) {
                BigDecimal rate = dataset.fxRates().rateOn(currencies.value(currency), dates.value(date)).orElseThrow();
                rateOfPair[pair] = rates.number(rate) + 1;
            }
            int amount = charged.code(k);
            key[0] = amount;
            key[1] = rateOfPair[pair];
            int product = amountRates.number(key);
            if (product == products.length) {
                products = Arrays.copyOf(products, 2 * product);
            }
            if (products[product] == null) {
                products[product] = charged.value(amount).multiply(rates.values().get(rateOfPair[pair] - 1));
            }
            customers[k] = dataset.customerOfCharge(k);
            days[k] = dayOfDate[date];
            amounts[k] = products[product];
        }
        return PricedChargeColumns.of(customers, days, amounts, size, dataset.customers().size());
    }

    /**
     * The heap this ledger adds to its dataset, in bytes: the item columns and the charges, their
     * arrays and amounts (see {@link HeapFootprint}). The {@code Customer} objects belong to the
     * dataset and are not counted, so a prepared tenant weighs
     * {@code dataset.retainedBytes() + ledger.retainedBytes()}. Computed once, on the first call.
     */
    public long retainedBytes() {
        long known = retainedBytes;
        if (known < 0) {
            HeapFootprint f = new HeapFootprint();
            // currency, lines, customers, items, charges and the long retainedBytes
            f.add(HeapFootprint.object(5 * HeapFootprint.REF + 8)).add(HeapFootprint.referenceArray(customers.length));
            items.addTo(f);
            charges.addTo(f);
            known = f.bytes();
            retainedBytes = known;
        }
        return known;
    }

    public String currency() {
        return currency;
    }

    /** The product lines, in name order; a line's index is its position here. */
    public List<ProductLineRef> lines() {
        return lines;
    }

    public int customerCount() {
        return customers.length;
    }

    public Customer customer(int index) {
        return customers[index];
    }

    /** The customer's priced items, ordered by the day they start earning. */
    public PricedItem[] items(int customer) {
        int first = items.first(customer);
        int limit = items.limit(customer);
        if (first == limit) {
            return NO_ITEMS;
        }
        PricedItem[] result = new PricedItem[limit - first];
        for (int i = first; i < limit; i++) {
            result[i - first] = items.item(i);
        }
        return result;
    }

    /** The item columns, for tests of their layout. */
    PricedItemColumns columns() {
        return items;
    }

    /** The customer's priced one-time charges, in the dataset's order. */
    public PricedCharge[] charges(int customer) {
        int first = charges.first(customer);
        int limit = charges.limit(customer);
        if (first == limit) {
            return NO_CHARGES;
        }
        PricedCharge[] result = new PricedCharge[limit - first];
        for (int i = first; i < limit; i++) {
            result[i - first] = charges.charge(i);
        }
        return result;
    }

    /**
     * {@code sum} plus the amounts of the customer's charges ({@link #charges}) whose day is after
     * {@code after} and at most {@code upTo}, added in their order: what a window report adds of
     * them, without an array of {@link PricedCharge}s per customer.
     */
    public BigDecimal addCharges(int customer, int after, int upTo, BigDecimal sum) {
        return charges.addInWindow(customer, after, upTo, sum);
    }

    /**
     * A reusable scan of customers' window figures in exact fixed point ({@link WindowScan}) between
     * the start-state day {@code startDay} and the end-state day {@code endDay}, one per thread; null
     * when the ledger's amounts have no fixed-point form within its bounds (see {@code FixedAmounts}),
     * and then only {@link #timeline} serves.
     */
    public WindowScan windowScan(int startDay, int endDay) {
        FixedAmounts fixed = items.fixedAmounts();
        return fixed.representable() ? new WindowScan(items, fixed, lines.size(), startDay, endDay) : null;
    }

    /** The customer's MRR history by line, built on demand (it is cheap and rarely reused). */
    public MrrTimeline timeline(int customer) {
        return MrrTimeline.of(items, items.first(customer), items.limit(customer), lines.size());
    }
}
