package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.Touchpoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCsvImporterTest {
    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    @Test
    void importsAFolderIntoTheCanonicalModel() {
        TenantDataset dataset = importer.importFolder(CsvFixture.valid().writeTo(dir), "USD");

        assertExpectedModel(dataset);
    }

    @Test
    void importsAZipWithTheFilesAtTheRoot() {
        TenantDataset dataset = importer.importZip(new ByteArrayInputStream(CsvFixture.valid().zip("")), "USD");

        assertExpectedModel(dataset);
    }

    @Test
    void importsAZipWithTheFilesInOneTopLevelFolderSkippingOtherEntries() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("export/", "");
        entries.put("__MACOSX/export/._customers.csv", "not csv");
        entries.put("export/README.txt", "notes");
        entries.put("export/old/customers.csv", "not read: too deep");
        entries.putAll(CsvFixture.valid().entries("export/"));
        Path zip = dir.resolve("import.zip");
        Files.write(zip, CsvFixture.zipOf(entries));

        assertExpectedModel(importer.importZip(zip, "USD"));
    }

    @Test
    void infersTheReportingCurrencyFromItemsInOneCurrency() {
        CsvFixture fixture = CsvFixture.valid()
                .replace("subscription_items.csv", "20,1,EUR", "20,1,USD")
                .replace("one_time_charges.csv", "-15.50,EUR", "-15.50,USD");

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), null);

        assertThat(dataset.reportingCurrency()).isEqualTo("USD");
    }

    @Test
    void acceptsBomPaddedHeadersBlankLinesQuotedCellsAndLowerCaseCurrencies() {
        CsvFixture fixture = CsvFixture.valid().with("customers.csv", "\uFEFF customer_id , name ,segment\r\n"
                + "c1,\"Acme, Inc.\",smb\r\n"
                + "\r\n"
                + "c2,\"Globex \"\"The Big\"\"\",\r\n")
                .replace("subscription_items.csv", "49.90,,USD", "49.90,,usd");

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), "usd");

        assertThat(dataset.customers()).extracting(Customer::name).containsExactly("Acme, Inc.", "Globex \"The Big\"");
        assertThat(dataset.customers().get(1).attributes()).isEmpty();
        assertThat(dataset.items().get(0).currency()).isEqualTo("USD");
        assertThat(dataset.reportingCurrency()).isEqualTo("USD");
    }

    @Test
    void readsCampaignsTouchpointsAndUsageEvents() {
        CsvFixture fixture = CsvFixture.valid()
                .with("campaigns.csv", EngagementCsv.CAMPAIGNS)
                .with("touchpoints.csv", EngagementCsv.TOUCHPOINTS)
                .with("usage_events.csv", EngagementCsv.USAGE);

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), "USD");

        assertExpectedModel(dataset);
        EngagementData engagement = dataset.engagement();
        assertThat(engagement.campaigns()).containsExactly(
                new Campaign("spring", "Spring CRM push", "email", new BigDecimal("1200.50"), "USD",
                        LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31"), "crm"),
                new Campaign("nudge", null, "in_app", BigDecimal.ZERO, "EUR", LocalDate.parse("2024-01-01"), null, null));
        assertThat(engagement.touchpoints()).containsExactly(
                new Touchpoint("c1", "spring", LocalDate.parse("2024-03-05")),
                new Touchpoint("c2", "nudge", LocalDate.parse("2024-02-01")));
        assertThat(engagement.usage().size()).isEqualTo(3);
        assertThat(engagement.usage().totalCount()).as("count defaults to 1").isEqualTo(1 + 7 + 1);
        assertThat(engagement.usage().featureCount()).isEqualTo(2);
    }

    @Test
    void withoutEngagementFilesTheDatasetHasNoEngagementData() {
        TenantDataset dataset = importer.importFolder(CsvFixture.valid().writeTo(dir), "USD");

        assertThat(dataset.engagement().isEmpty()).isTrue();
    }

    @Test
    void importsWithoutTheOptionalFiles() {
        CsvFixture fixture = CsvFixture.valid()
                .without("one_time_charges.csv")
                .without("fx_rates.csv")
                .replace("subscription_items.csv", "20,1,EUR", "20,1,USD");

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), null);

        assertThat(dataset.items()).hasSize(3);
        assertThat(dataset.charges()).isEmpty();
    }

    @Test
    void rejectsAReportingCurrencyThatIsNotIso4217BeforeReading() {
        assertThatThrownBy(() -> importer.importFolder(dir, "EURO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EURO'");
    }

    @Test
    void rejectsAFolderThatDoesNotExist() {
        assertThatThrownBy(() -> importer.importFolder(dir.resolve("nope"), "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a folder");
    }

    static void assertExpectedModel(TenantDataset dataset) {
        assertThat(dataset.reportingCurrency()).isEqualTo("USD");

        assertThat(dataset.customers()).containsExactly(
                new Customer("c1", "Acme", LocalDate.of(2023, 1, 15), Map.of("segment", "smb", "country", "DE")),
                new Customer("c2", "Globex", null, Map.of("segment", "enterprise")));

        assertThat(dataset.products()).containsExactly(
                new Product("core-m", "Core monthly", "core", LineKind.CORE, new BigDecimal("0.8")),
                new Product("core-y", "Core yearly", "core", LineKind.CORE, new BigDecimal("0.75")),
                new Product("crm", "CRM", "crm", LineKind.MODULE, null));

        assertThat(dataset.items()).containsExactly(
                new RecurringItem("i1", "c1", "core-m", "s1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1),
                        new BigDecimal("49.90"), BigDecimal.ONE, "USD", BillingInterval.MONTH, 1, null, null, null,
                        null),
                new RecurringItem("i2", "c1", "core-y", "s1", LocalDate.of(2024, 3, 1), null, new BigDecimal("499"),
                        new BigDecimal("2"), "USD", BillingInterval.YEAR, 1, BigDecimal.TEN, null, null, null),
                new RecurringItem("i3", "c2", "crm", "s2", LocalDate.of(2024, 2, 1), null, new BigDecimal("20"),
                        BigDecimal.ONE, "EUR", BillingInterval.MONTH, 3, null, new BigDecimal("5"),
                        LocalDate.of(2024, 2, 15), "b1"));

        assertThat(dataset.charges()).containsExactly(
                new OneTimeCharge("ch1", "c1", "core-m", LocalDate.of(2024, 1, 1), new BigDecimal("100"), "USD",
                        "Setup"),
                new OneTimeCharge("ch2", "c2", null, LocalDate.of(2024, 2, 10), new BigDecimal("-15.50"), "EUR",
                        "Credit"));

        assertThat(dataset.fxRates().rateOn("EUR", LocalDate.of(2024, 2, 1))).contains(new BigDecimal("1.10"));
    }
}
