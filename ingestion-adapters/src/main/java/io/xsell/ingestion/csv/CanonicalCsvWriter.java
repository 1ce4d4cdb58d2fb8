package io.xsell.ingestion.csv;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.Customer;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    public static final String CAMPAIGNS = "campaigns.csv";
    public static final String TOUCHPOINTS = "touchpoints.csv";
    public static final String USAGE_EVENTS = "usage_events.csv";

    static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "name", "created_at");
    static final List<String> PRODUCT_COLUMNS = List.of("product_id", "name", "product_line", "kind", "gross_margin",
            "product_line_name");
    static final List<String> ITEM_COLUMNS = List.of("item_id", "customer_id", "product_id", "subscription_id",
            "start_date", "end_date", "unit_amount", "quantity", "currency", "interval", "interval_count",
            "discount_percent", "discount_amount", "trial_end", "bundle_id");
    static final List<String> CHARGE_COLUMNS = List.of("charge_id", "customer_id", "product_id", "date", "amount",
            "currency", "description");
    static final List<String> FX_COLUMNS = List.of("date", "currency", "rate");
    static final List<String> CAMPAIGN_COLUMNS = List.of("campaign_id", "name", "channel", "cost", "currency",
            "start_date", "end_date", "target_product_line");
    static final List<String> TOUCHPOINT_COLUMNS = List.of("customer_id", "campaign_id", "date");
    static final List<String> USAGE_COLUMNS = List.of("customer_id", "feature", "date", "count");

    private static final int BUFFER_CHARS = 1 << 16;

    private CanonicalCsvWriter() {
    }

    /**
     * Writes the five files into {@code folder}, creating it when missing and replacing files of the
     * same names. fx_rates.csv holds the rate rows the dataset was built from. A dataset with
     * engagement data ({@link TenantDataset#engagement()}) also gets campaigns.csv, touchpoints.csv
     * and usage_events.csv.
     *
     * @throws IllegalArgumentException when a customer attribute is named like a fixed customers.csv column
     */
    public static void write(TenantDataset dataset, Path folder) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(folder, "folder");
        List<String> attributes = attributeColumns(dataset);
        Files.createDirectories(folder);
        writeCustomers(dataset.customers(), attributes, folder.resolve(CUSTOMERS));
        writeProducts(dataset.products(), folder.resolve(PRODUCTS));
        writeItems(dataset.items(), folder.resolve(SUBSCRIPTION_ITEMS));
        writeCharges(dataset.charges(), folder.resolve(ONE_TIME_CHARGES));
        writeRates(dataset.rates(), folder.resolve(FX_RATES));
        EngagementData engagement = dataset.engagement();
        if (!engagement.isEmpty()) {
            writeCampaigns(engagement.campaigns(), folder.resolve(CAMPAIGNS));
            writeTouchpoints(engagement.touchpoints(), folder.resolve(TOUCHPOINTS));
            writeUsage(engagement.usage(), folder.resolve(USAGE_EVENTS));
        }
    }

    private static void writeCampaigns(List<Campaign> campaigns, Path file) throws IOException {
        try (CSVPrinter out = printer(file, CAMPAIGN_COLUMNS)) {
            for (Campaign c : campaigns) {
                out.printRecord(c.id(), c.name(), c.channel(), amount(c.cost()), c.currency(), date(c.startDate()),
                        date(c.endDate()), c.targetProductLine());
            }
        }
    }

    private static void writeTouchpoints(List<Touchpoint> touchpoints, Path file) throws IOException {
        try (CSVPrinter out = printer(file, TOUCHPOINT_COLUMNS)) {
            for (Touchpoint t : touchpoints) {
                out.printRecord(t.customerId(), t.campaignId(), date(t.date()));
            }
        }
    }

    private static void writeUsage(UsageLog usage, Path file) throws IOException {
        try (CSVPrinter out = printer(file, USAGE_COLUMNS)) {
            UncheckedIOException[] failure = {null};
            usage.forEach((customer, feature, day, count) -> {
                if (failure[0] == null) {
                    try {
                        out.printRecord(customer, feature, LocalDate.ofEpochDay(day).toString(), Integer.toString(count));
                    } catch (IOException e) {
                        failure[0] = new UncheckedIOException(e);
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0].getCause();
            }
        }
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
                out.printRecord(p.id(), p.name(), p.productLine(), p.kind().code(), amount(p.grossMargin()),
                        p.lineName());
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
