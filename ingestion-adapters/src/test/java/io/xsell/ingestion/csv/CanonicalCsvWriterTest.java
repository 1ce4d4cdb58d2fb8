package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCsvWriterTest {

    private static final SyntheticAccountSpec SPEC = SyntheticAccountSpec.defaults(11, 60);

    @TempDir
    Path folder;

    @Test
    void writesEveryFileWithTheCanonicalHeaders() throws IOException {
        TenantDataset dataset = SyntheticAccountGenerator.generate(SPEC);

        CanonicalCsvWriter.write(dataset, folder.resolve("out"));

        Path out = folder.resolve("out");
        assertThat(headerLine(out.resolve("customers.csv")))
                .isEqualTo("customer_id,name,created_at,acquisition_channel,country,industry,segment");
        assertThat(headerLine(out.resolve("products.csv")))
                .isEqualTo("product_id,name,product_line,kind,gross_margin,product_line_name");
        assertThat(headerLine(out.resolve("subscription_items.csv"))).isEqualTo("item_id,customer_id,product_id,"
                + "subscription_id,start_date,end_date,unit_amount,quantity,currency,interval,interval_count,"
                + "discount_percent,discount_amount,trial_end,bundle_id");
        assertThat(headerLine(out.resolve("one_time_charges.csv")))
                .isEqualTo("charge_id,customer_id,product_id,date,amount,currency,description");
        assertThat(headerLine(out.resolve("fx_rates.csv"))).isEqualTo("date,currency,rate");

        assertThat(read(out.resolve("customers.csv"))).hasSize(dataset.customers().size());
        assertThat(read(out.resolve("products.csv"))).hasSize(dataset.products().size());
        assertThat(read(out.resolve("subscription_items.csv"))).hasSize(dataset.items().size());
        assertThat(read(out.resolve("one_time_charges.csv"))).hasSize(dataset.charges().size());
        assertThat(read(out.resolve("fx_rates.csv"))).hasSize(dataset.rates().size()).isNotEmpty();
    }

    @Test
    void rowsCarryEveryFieldOfTheDataset() throws IOException {
        TenantDataset dataset = SyntheticAccountGenerator.generate(SPEC);
        CanonicalCsvWriter.write(dataset, folder);

        List<CSVRecord> customers = read(folder.resolve("customers.csv"));
        for (int i = 0; i < 5; i++) {
            Customer c = dataset.customers().get(i);
            CSVRecord row = customers.get(i);
            assertThat(row.get("customer_id")).isEqualTo(c.id());
            assertThat(row.get("name")).isEmpty();
            assertThat(row.get("created_at")).isEqualTo(c.createdAt().toString());
            assertThat(row.get("segment")).isEqualTo(c.attribute("segment"));
            assertThat(row.get("country")).isEqualTo(c.attribute("country"));
        }

        List<CSVRecord> items = read(folder.resolve("subscription_items.csv"));
        for (int i = 0; i < dataset.items().size(); i++) {
            assertThat(toItem(items.get(i))).isEqualTo(dataset.items().get(i));
        }

        CSVRecord platform = read(folder.resolve("products.csv")).get(0);
        Product first = dataset.products().get(0);
        assertThat(platform.toList()).containsExactly(first.id(), first.name(), first.productLine(), "core",
                first.grossMargin().toPlainString(), "");

        List<CSVRecord> charges = read(folder.resolve("one_time_charges.csv"));
        OneTimeCharge charge = dataset.charges().get(0);
        assertThat(charges.get(0).toList()).containsExactly(charge.id(), charge.customerId(),
                charge.productId() == null ? "" : charge.productId(), charge.date().toString(),
                charge.amount().toPlainString(), charge.currency(), charge.description());

        FxRate rate = dataset.rates().get(0);
        assertThat(read(folder.resolve("fx_rates.csv")).get(0).toList())
                .containsExactly(rate.date().toString(), rate.currency(), rate.rate().toPlainString());
    }

    @Test
    void theImporterReadsBackTheSameDataset() throws IOException {
        SyntheticAccountSpec spec = new SyntheticAccountSpec(5, 400, LocalDate.parse("2024-03-01"),
                LocalDate.parse("2026-02-28"), "EUR");
        TenantDataset dataset = SyntheticAccountGenerator.generate(spec);
        CanonicalCsvWriter.write(dataset, folder);

        TenantDataset back = new CanonicalCsvImporter().importFolder(folder, "EUR");

        assertThat(back.customers()).isEqualTo(dataset.customers());
        assertThat(back.products()).isEqualTo(dataset.products());
        assertThat(back.items()).isEqualTo(dataset.items());
        assertThat(back.charges()).isEqualTo(dataset.charges());
        assertThat(back.rates()).isEqualTo(dataset.rates());
        Window window = Window.of("2025-03-01", "2026-03-01");
        assertThat(CrossSellCalculator.report(MrrLedger.of(back), window, "segment"))
                .isEqualTo(CrossSellCalculator.report(MrrLedger.of(dataset), window, "segment"));
    }

    private static RecurringItem toItem(CSVRecord row) {
        return new RecurringItem(row.get("item_id"), row.get("customer_id"), row.get("product_id"),
                emptyToNull(row.get("subscription_id")), LocalDate.parse(row.get("start_date")),
                date(row.get("end_date")), new BigDecimal(row.get("unit_amount")), new BigDecimal(row.get("quantity")),
                row.get("currency"), BillingInterval.parse(row.get("interval")),
                Integer.parseInt(row.get("interval_count")), amount(row.get("discount_percent")),
                amount(row.get("discount_amount")), date(row.get("trial_end")), emptyToNull(row.get("bundle_id")));
    }

    @Test
    void quotesTextThatNeedsItAndWritesAmountsInPlainNotation() throws IOException {
        Customer customer = new Customer("c1", "Acme, \"Widgets\" Ltd", LocalDate.parse("2025-01-02"),
                Map.of("segment", "smb"));
        RecurringItem item = RecurringItem.builder("i1", "c1", "p1").start("2025-01-02")
                .unitAmount(new BigDecimal("1E+2")).build();
        TenantDataset dataset = TenantDataset.of("USD", List.of(customer), List.of(Product.standalone("p1")),
                List.of(item), List.of(), List.of());

        CanonicalCsvWriter.write(dataset, folder);

        assertThat(Files.readAllLines(folder.resolve("customers.csv")).get(1))
                .isEqualTo("c1,\"Acme, \"\"Widgets\"\" Ltd\",2025-01-02,smb");
        assertThat(read(folder.resolve("subscription_items.csv")).get(0).get("unit_amount")).isEqualTo("100");
        assertThat(read(folder.resolve("one_time_charges.csv"))).isEmpty();
        assertThat(read(folder.resolve("fx_rates.csv"))).isEmpty();
        assertThat(Files.readString(folder.resolve("products.csv"))).endsWith("p1,,p1,module,,\r\n");
    }

    @Test
    void refusesAnAttributeNamedLikeAFixedColumn() {
        TenantDataset dataset = TenantDataset.of("USD", List.of(Customer.of("c1", Map.of("created_at", "x"))),
                List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> CanonicalCsvWriter.write(dataset, folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("created_at");
    }

    private static String headerLine(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static BigDecimal amount(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
