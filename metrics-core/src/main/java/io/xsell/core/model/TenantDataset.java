package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything xsell knows about one tenant's billing, in the canonical model. Built through
 * {@link #of}, which checks the rules that span records (unique ids, references, one kind per
 * product line, an FX rate for every foreign-currency item), so a dataset that exists is consistent.
 */
public final class TenantDataset {
    private static final int MAX_PROBLEMS = 1000;

    private final String reportingCurrency;
    private final List<Customer> customers;
    private final List<Product> products;
    private final ItemColumns items;
    private final ChargeColumns charges;
    private final FxRates fxRates;
    private final List<FxRate> rates;
    private final Map<String, Product> productsById;
    private final EngagementData engagement;
    private volatile long retainedBytes = -1;

    private TenantDataset(String reportingCurrency, List<Customer> customers, List<Product> products,
                          ItemColumns items, ChargeColumns charges, FxRates fxRates,
                          List<FxRate> rates) {
        this(reportingCurrency, customers, products, items, charges, fxRates, rates, EngagementData.empty());
    }

    private TenantDataset(String reportingCurrency, List<Customer> customers, List<Product> products,
                          ItemColumns items, ChargeColumns charges, FxRates fxRates,
                          List<FxRate> rates, EngagementData engagement) {
        this.engagement = engagement;
        this.reportingCurrency = reportingCurrency;
        this.customers = customers;
        this.products = products;
        this.items = items;
        this.charges = charges;
        this.fxRates = fxRates;
        this.rates = rates;
        this.productsById = new HashMap<>(products.size() * 2);
        for (Product p : products) {
            productsById.put(p.id(), p);
        }
    }

    public static TenantDataset of(String reportingCurrency, List<Customer> customers, List<Product> products,
                                   List<RecurringItem> items, List<OneTimeCharge> charges, List<FxRate> rates) {
        return of(reportingCurrency, customers, products, new ItemColumns.Build(items), charges, rates);
    }

    /**
     * {@link #of(String, List, List, List, List, List) of} with the recurring items as the rows of a
     * builder filled in their order (each row checked as an item is when added): the same checks,
     * the same problems and the same dataset as for a list of those items, without an object per
     * item. {@code items} is not used afterwards.
     */
    public static TenantDataset of(String reportingCurrency, List<Customer> customers, List<Product> products,
                                   ItemsImageBuilder items, List<OneTimeCharge> charges, List<FxRate> rates) {
        return of(reportingCurrency, customers, products, new ItemColumns.Build(items), charges, rates);
    }

    private static TenantDataset of(String reportingCurrency, List<Customer> customers, List<Product> products,
                                    ItemColumns.Build itemColumns, List<OneTimeCharge> charges,
                                    List<FxRate> rates) {
        String currency = CurrencyCode.require(reportingCurrency);
        FxRates fx = new FxRates(currency, rates);
        List<String> problems = new ArrayList<>();

        List<Customer> customerList = List.copyOf(customers);
        Map<String, Integer> customerIds = new HashMap<>(customers.size() * 2);
        for (int i = 0; i < customerList.size(); i++) {
            if (customerIds.putIfAbsent(customerList.get(i).id(), i) != null) {
                add(problems, "duplicate customer_id '" + customerList.get(i).id() + "'");
            }
        }
        // Half of the item columns is built beside the checks (two cores halve a cold load's wait);
        // the other half needs checked customers. A failed check throws before any is used.
        CompletableFuture<Void> values = problems.isEmpty() ? CompletableFuture.runAsync(itemColumns::values) : null;
        Map<String, Product> productIds = new HashMap<>();
        Map<String, LineKind> lineKinds = new HashMap<>();
        for (Product p : products) {
            if (productIds.put(p.id(), p) != null) {
                add(problems, "duplicate product_id '" + p.id() + "'");
            }
            LineKind previous = lineKinds.putIfAbsent(p.productLine(), p.kind());
            if (previous != null && previous != p.kind()) {
                add(problems, "product line '" + p.productLine() + "' is both " + previous.code() + " and "
                        + p.kind().code() + " (product '" + p.id() + "')");
            }
        }
        itemColumns.forEachItem(new ItemChecks(problems, itemColumns.size(), customerIds, productIds, fx));
        Set<String> chargeIds = new HashSet<>(charges.size() * 2);
        for (OneTimeCharge charge : charges) {
            if (!chargeIds.add(charge.id())) {
                add(problems, "duplicate charge_id '" + charge.id() + "'");
            }
            if (!customerIds.containsKey(charge.customerId())) {
                add(problems, "charge '" + charge.id() + "' refers to unknown customer_id '" + charge.customerId() + "'");
            }
            if (charge.productId() != null && !productIds.containsKey(charge.productId())) {
                add(problems, "charge '" + charge.id() + "' refers to unknown product_id '" + charge.productId() + "'");
            }
            if (fx.rateOn(charge.currency(), charge.date()).isEmpty()) {
                add(problems, "charge '" + charge.id() + "' is in " + charge.currency() + " but no rate is known on or before "
                        + charge.date());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        itemColumns.keys(customerIds);
        Map<Object, Object> canonical = new HashMap<>();
        ChargeColumns chargeColumns = ChargeColumns.of(charges, customerList, customerIds, canonical);
        try {
            values.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new TenantDataset(currency, customerList, List.copyOf(products), itemColumns.finish(customerList, canonical),
                chargeColumns, fx, List.copyOf(rates));
    }

    /** The checks of {@link #of} on each item: unique ids, known customers and products, an FX rate. */
    private static final class ItemChecks implements ItemsImageBuilder.ItemVisitor {
        private final List<String> problems;
        private final Set<String> itemIds;
        private final Map<String, Integer> customerIds;
        private final Map<String, Product> productIds;
        private final FxRates fx;
        private String knownCustomer; // a customer's rows follow each other, often with one id instance

        ItemChecks(List<String> problems, int items, Map<String, Integer> customerIds,
                   Map<String, Product> productIds, FxRates fx) {
            this.problems = problems;
            this.itemIds = new HashSet<>(items * 2);
            this.customerIds = customerIds;
            this.productIds = productIds;
            this.fx = fx;
        }

        @Override
        public void item(String id, String customerId, String productId, String currency, LocalDate startDate) {
            if (!itemIds.add(id)) {
                add(problems, "duplicate item_id '" + id + "'");
            }
            if (customerId == knownCustomer) {
                // checked on the previous row
            } else if (!customerIds.containsKey(customerId)) {
                add(problems, "item '" + id + "' refers to unknown customer_id '" + customerId + "'");
            } else {
                knownCustomer = customerId;
            }
            if (!productIds.containsKey(productId)) {
                add(problems, "item '" + id + "' refers to unknown product_id '" + productId + "'");
            }
            if (fx.rateOn(currency, startDate).isEmpty()) {
                add(problems, "item '" + id + "' is in " + currency + " but no " + currency
                        + " rate is known on or before " + startDate);
            }
        }
    }

    /**
     * The billing data of this dataset as plain arrays and value records (engagement data is not
     * part of it): what {@link #fromImage} rebuilds an equal dataset from. The arrays are copies.
     */
    public DatasetImage image() {
        return new DatasetImage(reportingCurrency, customers, products, rates, items.image(), charges.image());
    }

    /**
     * The dataset of an {@link #image}, rebuilt straight into its columns: no item or charge object
     * is made. Checks what can be checked without one: the currency, products (unique ids, one kind
     * per line), every array's length, every code, run and customer position in range, every product
     * known, an FX rate for each currency from its earliest day on, ends after starts and amounts in
     * bounds. Ids are not checked again for uniqueness (a hash set of millions of strings, about a
     * second at a million customers): an image is exported from a dataset that passed {@link #of},
     * and its keeper guards it with a checksum.
     *
     * @throws IllegalArgumentException naming the column and row that do not fit
     */
    public static TenantDataset fromImage(DatasetImage image) {
        if (image.items() == null || image.charges() == null) {
            throw new IllegalArgumentException("an image needs its items and charges");
        }
        return fromImage(image.reportingCurrency(), image.customers(), image.products(), image.rates(),
                (customerList, productIds, fx, canonical) -> ItemColumns.of(image.items(), customerList, productIds,
                        fx, canonical), image.charges());
    }

    /**
     * {@link #fromImage(DatasetImage)} with the items still in the builder that collected them, in
     * their order: each column is narrowed straight from the builder's blocks, without the
     * {@code int[]} per column an {@link ItemsImage} holds (at a million customers, about 160 MB made
     * and dropped just after an import). Each row was checked as it was added (as an item's
     * constructor checks it) and each run's customer is looked up in {@code customerIndex} (positions
     * among {@code customers}); products and FX rates are checked as {@code fromImage} checks them.
     * {@code items} is not used afterwards.
     *
     * @throws IllegalArgumentException naming the column that does not fit, or an unknown customer id
     */
    public static TenantDataset fromImage(String reportingCurrency, List<Customer> customers, List<Product> products,
                                          List<FxRate> rates, ItemsImageBuilder items,
                                          Map<String, Integer> customerIndex, ChargesImage charges) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(charges, "charges");
        return fromImage(reportingCurrency, customers, products, rates, (customerList, productIds, fx, canonical) -> {
            ItemColumns columns = items.columns(customerIndex, customerList, canonical);
            ItemsImageCheck.knownProducts("item product", columns.product, productIds);
            ItemsImageCheck.rates("item", columns.currency, columns.start, fx);
            return columns;
        }, charges);
    }

    /** The items' columns, built and checked against the dataset's customers, products and rates. */
    private interface ItemsSource {
        ItemColumns columns(List<Customer> customers, Map<String, Product> products, FxRates fx,
                            Map<Object, Object> canonical);
    }

    private static TenantDataset fromImage(String reportingCurrency, List<Customer> customers, List<Product> products,
                                           List<FxRate> rates, ItemsSource itemsSource, ChargesImage chargesImage) {
        String currency = CurrencyCode.require(reportingCurrency);
        FxRates fx = new FxRates(currency, rates);
        List<Customer> customerList = List.copyOf(customers);
        Map<String, Product> productIds = new HashMap<>();
        Map<String, LineKind> lineKinds = new HashMap<>();
        for (Product p : products) {
            if (productIds.put(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate product_id '" + p.id() + "'");
            }
            LineKind previous = lineKinds.putIfAbsent(p.productLine(), p.kind());
            if (previous != null && previous != p.kind()) {
                throw new IllegalArgumentException("product line '" + p.productLine() + "' is of two kinds");
            }
        }
        Map<Object, Object> canonical = new HashMap<>();
        ItemColumns items = itemsSource.columns(customerList, productIds, fx, canonical);
        ChargeColumns charges = ChargeColumns.of(chargesImage, customerList, productIds, fx, canonical);
        return new TenantDataset(currency, customerList, List.copyOf(products), items, charges, fx,
                List.copyOf(rates));
    }

    /**
     * This dataset with the engagement data that came with it (an import's campaigns, touchpoints
     * and usage events), checking that every touchpoint and usage event names a customer of it.
     *
     * @throws InvalidDatasetException listing every unknown customer reference
     */
    public TenantDataset withEngagement(EngagementData data) {
        Objects.requireNonNull(data, "engagement");
        Set<String> customerIds = new HashSet<>(customers.size() * 2);
        for (Customer c : customers) {
            customerIds.add(c.id());
        }
        List<String> problems = new ArrayList<>();
        for (Touchpoint t : data.touchpoints()) {
            if (!customerIds.contains(t.customerId())) {
                add(problems, "touchpoint on " + t.date() + " refers to unknown customer_id '" + t.customerId() + "'");
            }
        }
        UsageLog usage = data.usage();
        for (int c = 0; c < usage.customerCount(); c++) {
            if (!customerIds.contains(usage.customerId(c))) {
                add(problems, "usage events refer to unknown customer_id '" + usage.customerId(c) + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return new TenantDataset(reportingCurrency, customers, products, items, charges, fxRates, rates, data);
    }

    /** This dataset without engagement data: what a load of the billing data alone gives back. */
    public TenantDataset withoutEngagement() {
        return engagement.isEmpty() ? this
                : new TenantDataset(reportingCurrency, customers, products, items, charges, fxRates, rates);
    }

    /** Campaigns, touchpoints and usage that came with this dataset; empty unless {@link #withEngagement} set them. */
    public EngagementData engagement() {
        return engagement;
    }

    /** A tenant with no data yet. */
    public static TenantDataset empty(String reportingCurrency) {
        return of(reportingCurrency, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Product> products() {
        return products;
    }

    /**
     * The recurring items, in the order given to {@link #of}. The list is a view of columns: each
     * {@code get} builds the item afresh (equal each time, not the same instance).
     */
    public List<RecurringItem> items() {
        return items;
    }

    /**
     * The position in {@link #customers()} of the customer of the {@code item}-th item: what the
     * columns already hold, so pricing needs no lookup of customer ids of its own.
     */
    public int customerOfItem(int item) {
        return items.customerOf(item);
    }

    /**
     * The items as the codes their columns hold: each repeating field a code per item and the value
     * of each code, read without building a {@link RecurringItem} (pricing reads them). A view.
     */
    public ItemCodes itemCodes() {
        return new ItemCodes(items);
    }

    /** The position in {@link #customers()} of the customer of the {@code charge}-th one-time charge. */
    /** The dates of the charges ({@link #charges()}) as codes and values; never code 0. */
    public DictionaryColumn<LocalDate> chargeDates() {
        return charges.date();
    }

    /** The amounts of the charges, in their own currency, as codes and values; never code 0. */
    public DictionaryColumn<BigDecimal> chargeAmounts() {
        return charges.amount();
    }

    /** The currencies of the charges as codes and values; never code 0. */
    public DictionaryColumn<String> chargeCurrencies() {
        return charges.currency();
    }

    public int customerOfCharge(int charge) {
        return charges.customerOf(charge);
    }

    /** The one-time charges, in the order given to {@link #of}; like {@link #items()}, a view of columns. */
    public List<OneTimeCharge> charges() {
        return charges;
    }

    public FxRates fxRates() {
        return fxRates;
    }

    /** The FX rate rows the dataset was built from. */
    public List<FxRate> rates() {
        return rates;
    }

    public Product product(String productId) {
        return productsById.get(productId);
    }

    /**
     * The heap this dataset retains, in bytes: its rows and every object they reach, shared ones
     * counted once (see {@link HeapFootprint}). Computed on the first call (a pass over the rows,
     * about a second at a million customers) and remembered: the dataset is immutable.
     */
    public long retainedBytes() {
        long known = retainedBytes;
        if (known < 0) {
            HeapFootprint f = new HeapFootprint();
            addTo(f);
            known = f.bytes();
            retainedBytes = known;
        }
        return known;
    }

    /** Adds this dataset to {@code f}; objects {@code f} has already counted are not counted again. */
    public void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(10 * HeapFootprint.REF + 8));
        f.add(list(customers.size()) + list(products.size())
                + list(rates.size()));
        for (Customer c : customers) {
            f.add(HeapFootprint.object(4 * HeapFootprint.REF)).string(c.id()).string(c.name()).date(c.createdAt())
                    .map(c.attributes());
        }
        for (Product p : products) {
            if (f.first(p)) {
                f.add(HeapFootprint.object(6 * HeapFootprint.REF)).string(p.id()).string(p.name())
                        .string(p.productLine()).decimal(p.grossMargin()).string(p.lineName());
            }
        }
        // productsById: a HashMap of a few entries
        f.add(HeapFootprint.object(6 * 4) + HeapFootprint.referenceArray(products.size() * 4)
                + (long) products.size() * HeapFootprint.object(4 + 3 * HeapFootprint.REF));
        items.addTo(f);
        charges.addTo(f);
        for (FxRate r : rates) {
            if (f.first(r)) {
                f.add(HeapFootprint.object(3 * HeapFootprint.REF)).date(r.date()).string(r.currency()).decimal(r.rate());
            }
        }
        // the rate table: a TreeMap entry (40 bytes) per rate
        f.add((long) rates.size() * HeapFootprint.object(5 * HeapFootprint.REF + 1));
        f.add(list(engagement.campaigns().size()) + list(engagement.touchpoints().size()));
        for (Campaign c : engagement.campaigns()) {
            if (f.first(c)) {
                f.add(HeapFootprint.object(8 * HeapFootprint.REF)).string(c.id()).string(c.name())
                        .string(c.channel()).decimal(c.cost()).string(c.currency()).date(c.startDate())
                        .date(c.endDate()).string(c.targetProductLine());
            }
        }
        for (Touchpoint t : engagement.touchpoints()) {
            if (f.first(t)) {
                f.add(HeapFootprint.object(3 * HeapFootprint.REF)).string(t.customerId()).string(t.campaignId())
                        .date(t.date());
            }
        }
        engagement.usage().addTo(f);
    }

    private static long list(int size) {
        return HeapFootprint.object(HeapFootprint.REF) + HeapFootprint.referenceArray(size);
    }

    /** Every attribute name carried by at least one customer, in the order first seen. */
    public Set<String> attributeNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Customer c : customers) {
            names.addAll(c.attributes().keySet());
        }
        return names;
    }
}
