package io.xsell.ingestion.csv;

import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.FxRates;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a dataset as a canonical CSV import folder (customers, products, subscription items,
 * one-time charges, FX rates): RFC 4180, UTF-8, ISO dates, plain decimal amounts, empty cells for
 * absent values. Reading the folder back yields the same dataset.
 */
public final class CanonicalCsvWriter {

    public static final String CUSTOMERS = "customers.csv";
    public static final String PRODUCTS = "products.csv";
    public static final String SUBSCRIPTION_ITEMS = "subscription_items.csv";
    public static final String ONE_TIME_CHARGES = "one_time_charges.csv";
    public static final String FX_RATES = "fx_rates.csv";

    static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "name", "created_at");
    static final List<String> PRODUCT_COLUMNS = List.of("product_id", "name", "product_line", "kind", "gross_margin");
    static final List<String> ITEM_COLUMNS = List.of("item_id", "customer_id", "product_id", "subscription_id",
            "start_date", "end_date", "unit_amount", "quantity", "currency", "interval", "interval_count",
            "discount_percent", "discount_amount", "trial_end", "bundle_id");
    static final List<String> CHARGE_COLUMNS = List.of("charge_id", "customer_id", "product_id", "date", "amount",
            "currency", "description");
    static final List<String> FX_COLUMNS = List.of("date", "currency", "rate");

    private static final int BUFFER_CHARS = 1 << 16;

    private CanonicalCsvWriter() {
    }

    /**
     * Writes the five files into {@code folder}, creating it when missing and replacing files of the
     * same names. A dataset can say which rate applies on a day but cannot list its rate table, so
     * fx_rates.csv holds the rates in force on the days foreign-currency items start and charges
     * are dated, one row each time a currency's rate changes: the smallest table under which every
     * item and charge is priced as in {@code dataset}. Use {@link #write(TenantDataset, List, Path)}
     * to write the original table instead.
     *
     * @throws IllegalArgumentException when a customer attribute is named like a fixed customers.csv column
     */
    public static void write(TenantDataset dataset, Path folder) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        writeChecked(dataset, ratesInUse(dataset), folder);
    }

    /**
     * Writes the five files into {@code folder} like {@link #write(TenantDataset, Path)}, with
     * {@code fxRates} as fx_rates.csv.
     *
     * @param fxRates the rate table {@code dataset} was built from
     * @throws IllegalArgumentException when {@code fxRates} would price some item or charge at a
     *                                  different rate than the dataset does, or a customer attribute
     *                                  is named like a fixed customers.csv column
     */
    public static void write(TenantDataset dataset, List<FxRate> fxRates, Path folder) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fxRates, "fxRates");
        requireSameRates(dataset, fxRates);
        writeChecked(dataset, fxRates, folder);
    }

    private static void writeChecked(TenantDataset dataset, List<FxRate> fxRates, Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        List<String> attributes = attributeColumns(dataset);
        Files.createDirectories(folder);
        writeCustomers(dataset.customers(), attributes, folder.resolve(CUSTOMERS));
        writeProducts(dataset.products(), folder.resolve(PRODUCTS));
        writeItems(dataset.items(), folder.resolve(SUBSCRIPTION_ITEMS));
        writeCharges(dataset.charges(), folder.resolve(ONE_TIME_CHARGES));
        writeRates(fxRates, folder.resolve(FX_RATES));
    }

    /**
     * Attribute names in alphabetical order. A customer's attribute map does not keep the order
     * the attributes were read in, so sorting is what makes the output reproducible.
     */
    private static List<String> attributeColumns(TenantDataset dataset) {
        Set<String> names = new TreeSet<>(dataset.attributeNames());
        for (String name : names) {
            if (CUSTOMER_COLUMNS.contains(name)) {
                throw new IllegalArgumentException("customer attribute '" + name
                        + "' has the name of a fixed customers.csv column and cannot be written");
            }
        }
        return List.copyOf(names);
    }

    private static List<FxRate> ratesInUse(TenantDataset dataset) {
        String reporting = dataset.reportingCurrency();
        Map<String, Set<LocalDate>> days = new TreeMap<>();
        for (RecurringItem item : dataset.items()) {
            if (!item.currency().equals(reporting)) {
                days.computeIfAbsent(item.currency(), c -> new HashSet<>()).add(item.startDate());
            }
        }
        for (OneTimeCharge charge : dataset.charges()) {
            if (!charge.currency().equals(reporting)) {
                days.computeIfAbsent(charge.currency(), c -> new HashSet<>()).add(charge.date());
            }
        }
        List<FxRate> rates = new ArrayList<>();
        days.forEach((currency, used) -> {
            BigDecimal previous = null;
            for (LocalDate day : new TreeSet<>(used)) {
                BigDecimal rate = dataset.fxRates().rateOn(currency, day).orElseThrow();
                if (previous == null || rate.compareTo(previous) != 0) {
                    rates.add(new FxRate(day, currency, rate));
                    previous = rate;
                }
            }
        });
        return rates;
    }

    /** The file must re-import to the same MRR, so each foreign amount must meet the same rate. */
    private static void requireSameRates(TenantDataset dataset, List<FxRate> fxRates) {
        FxRates given = new FxRates(dataset.reportingCurrency(), fxRates);
        FxRates used = dataset.fxRates();
        for (RecurringItem item : dataset.items()) {
            requireSameRate(given, used, item.currency(), item.startDate(), "item", item.id());
        }
        for (OneTimeCharge charge : dataset.charges()) {
            requireSameRate(given, used, charge.currency(), charge.date(), "charge", charge.id());
        }
    }

    private static void requireSameRate(FxRates given, FxRates used, String currency, LocalDate day, String what,
                                        String id) {
        if (currency.equals(used.reportingCurrency())) {
            return;
        }
        Optional<BigDecimal> expected = used.rateOn(currency, day);
        Optional<BigDecimal> actual = given.rateOn(currency, day);
        if (actual.isEmpty() || expected.isEmpty() || actual.get().compareTo(expected.get()) != 0) {
            throw new IllegalArgumentException("the FX rates given price " + what + " '" + id + "' (" + currency
                    + " on " + day + ") at " + actual.map(BigDecimal::toPlainString).orElse("no rate")
                    + " but the dataset uses " + expected.map(BigDecimal::toPlainString).orElse("no rate"));
        }
    }

    private static void writeCustomers(List<Customer> customers, List<String> attributes, Path file)
            throws IOException {
        List<String> header = new ArrayList<>(CUSTOMER_COLUMNS);
        header.addAll(attributes);
        Object[] row = new Object[header.size()];
        try (CSVPrinter out = printer(file, header)) {
            for (Customer c : customers) {
                row[0] = c.id();
                row[1] = c.name();
                row[2] = date(c.createdAt());
                Map<String, String> values = c.attributes();
                for (int a = 0; a < attributes.size(); a++) {
                    row[3 + a] = values.get(attributes.get(a));
                }
                out.printRecord(row);
            }
        }
    }

    private static void writeProducts(List<Product> products, Path file) throws IOException {
        try (CSVPrinter out = printer(file, PRODUCT_COLUMNS)) {
            for (Product p : products) {
                out.printRecord(p.id(), p.name(), p.productLine(), p.kind().code(), amount(p.grossMargin()));
            }
        }
    }

    private static void writeItems(List<RecurringItem> items, Path file) throws IOException {
        Object[] row = new Object[ITEM_COLUMNS.size()];
        try (CSVPrinter out = printer(file, ITEM_COLUMNS)) {
            for (RecurringItem i : items) {
                row[0] = i.id();
                row[1] = i.customerId();
                row[2] = i.productId();
                row[3] = i.subscriptionId();
                row[4] = date(i.startDate());
                row[5] = date(i.endDate());
                row[6] = amount(i.unitAmount());
                row[7] = amount(i.quantity());
                row[8] = i.currency();
                row[9] = i.interval().code();
                row[10] = Integer.toString(i.intervalCount());
                row[11] = amount(i.discountPercent());
                row[12] = amount(i.discountAmount());
                row[13] = date(i.trialEnd());
                row[14] = i.bundleId();
                out.printRecord(row);
            }
        }
    }

    private static void writeCharges(List<OneTimeCharge> charges, Path file) throws IOException {
        try (CSVPrinter out = printer(file, CHARGE_COLUMNS)) {
            for (OneTimeCharge c : charges) {
                out.printRecord(c.id(), c.customerId(), c.productId(), date(c.date()), amount(c.amount()),
                        c.currency(), c.description());
            }
        }
    }

    private static void writeRates(List<FxRate> rates, Path file) throws IOException {
        try (CSVPrinter out = printer(file, FX_COLUMNS)) {
            for (FxRate r : rates) {
                out.printRecord(date(r.date()), r.currency(), amount(r.rate()));
            }
        }
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER_CHARS);
        try {
            return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        } catch (IOException | RuntimeException e) {
            try {
                writer.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Plain notation: {@code 1E+2} is a valid BigDecimal but not an amount a CSV reader expects. */
    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
