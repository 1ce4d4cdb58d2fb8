package io.xsell.server.persistence;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Datasets for persistence tests. */
final class TestDatasets {
    private TestDatasets() {
    }

    static TenantDataset generated(long seed, int customers) {
        return SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(seed, customers));
    }

    static TenantDataset generated(long seed, int customers, String reportingCurrency) {
        SyntheticAccountSpec defaults = SyntheticAccountSpec.defaults(seed, customers);
        return SyntheticAccountGenerator.generate(new SyntheticAccountSpec(seed, customers, defaults.historyStart(),
                defaults.historyEnd(), reportingCurrency));
    }

    /**
     * {@code dataset} with {@code prefix} before every id, product line and reference (customers,
     * products, lines, items, subscriptions, bundles, charges), so that it can be a source of the
     * same tenant as another; FX rates as they are.
     */
    static TenantDataset prefixed(String prefix, TenantDataset dataset) {
        List<Customer> customers = new ArrayList<>();
        for (Customer c : dataset.customers()) {
            customers.add(new Customer(prefix + c.id(), c.name(), c.createdAt(), c.attributes()));
        }
        List<Product> products = new ArrayList<>();
        for (Product p : dataset.products()) {
            products.add(new Product(prefix + p.id(), p.name(), prefix + p.productLine(), p.kind(), p.grossMargin(),
                    p.lineName()));
        }
        List<RecurringItem> items = new ArrayList<>();
        for (RecurringItem i : dataset.items()) {
            items.add(new RecurringItem(prefix + i.id(), prefix + i.customerId(), prefix + i.productId(),
                    i.subscriptionId() == null ? null : prefix + i.subscriptionId(), i.startDate(), i.endDate(),
                    i.unitAmount(), i.quantity(), i.currency(), i.interval(), i.intervalCount(),
                    i.discountPercent(), i.discountAmount(), i.trialEnd(),
                    i.bundleId() == null ? null : prefix + i.bundleId()));
        }
        List<OneTimeCharge> charges = new ArrayList<>();
        for (OneTimeCharge o : dataset.charges()) {
            charges.add(new OneTimeCharge(prefix + o.id(), prefix + o.customerId(),
                    o.productId() == null ? null : prefix + o.productId(), o.date(), o.amount(), o.currency(),
                    o.description()));
        }
        return TenantDataset.of(dataset.reportingCurrency(), customers, products, items, charges, dataset.rates());
    }

    /**
     * A generated USD dataset plus records that set every optional field, hold text a CSV or
     * JSON writer could get wrong, and amounts of unusual scale, which the generator never makes.
     */
    static TenantDataset withEveryField(long seed, int customerCount) {
        TenantDataset base = generated(seed, customerCount);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("segment", "enterprise");
        attributes.put("note", "a \"quoted\", comma\nnew line, ünïcödé ✓ and a \\ backslash");
        attributes.put("empty", "");
        List<Customer> customers = new ArrayList<>(base.customers());
        customers.add(new Customer("zz-every-field", "Ärger & Söhne \"GmbH\"", LocalDate.of(2024, 1, 2), attributes));
        customers.add(new Customer("zz-no-attributes", null, null, Map.of()));
        List<Product> products = new ArrayList<>(base.products());
        products.add(new Product("zz-product", "Extra thing", "zz-line", LineKind.ADD_ON, new BigDecimal("0.8125")));
        products.add(new Product("zz-bare", null, "zz-bare", LineKind.MODULE, null));
        List<RecurringItem> items = new ArrayList<>(base.items());
        items.add(new RecurringItem("zz-item-full", "zz-every-field", "zz-product", "zz-sub",
                LocalDate.of(2024, 1, 15), LocalDate.of(2025, 1, 15), new BigDecimal("1234.5600"),
                new BigDecimal("2.5"), "EUR", BillingInterval.WEEK, 2, new BigDecimal("12.5"),
                new BigDecimal("3.00"), LocalDate.of(2024, 2, 1), "zz-bundle"));
        items.add(RecurringItem.builder("zz-item-bare", "zz-no-attributes", "zz-bare")
                .start("2024-03-01").unitAmount("0").interval(BillingInterval.YEAR).build());
        List<OneTimeCharge> charges = new ArrayList<>(base.charges());
        charges.add(new OneTimeCharge("zz-credit", "zz-every-field", null, LocalDate.of(2024, 5, 1),
                new BigDecimal("-10.00"), "USD", "goodwill crédit"));
        charges.add(new OneTimeCharge("zz-setup", "zz-no-attributes", "zz-bare", LocalDate.of(2024, 3, 1),
                new BigDecimal("0.000001"), "GBP", null));
        List<FxRate> rates = new ArrayList<>(base.rates());
        rates.add(new FxRate(LocalDate.of(2019, 1, 1), "GBP", new BigDecimal("1.123456789012345678")));
        return TenantDataset.of(base.reportingCurrency(), customers, products, items, charges, rates);
    }
}
