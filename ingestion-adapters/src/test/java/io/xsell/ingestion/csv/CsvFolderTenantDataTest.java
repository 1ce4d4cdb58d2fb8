package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderTenantDataTest {
    private static final TenantId ANY_TENANT = new TenantId("any");

    @TempDir
    Path dir;

    @Test
    void loadsAFolder() {
        Path folder = CsvFixture.valid().writeTo(dir);

        TenantDataset dataset = new CsvFolderTenantData(folder, "USD").loadTenantData(ANY_TENANT);

        CanonicalCsvImporterTest.assertExpectedModel(dataset);
    }

    @Test
    void loadsAZip() throws Exception {
        Path zip = Files.write(dir.resolve("tenant.zip"), CsvFixture.valid().zip(""));

        TenantDataset dataset = new CsvFolderTenantData(zip, "USD").loadTenantData(ANY_TENANT);

        CanonicalCsvImporterTest.assertExpectedModel(dataset);
    }

    @Test
    void infersTheReportingCurrencyWhenNoneIsGiven() {
        Path folder = CsvFixture.valid()
                .replace("subscription_items.csv", "20,1,EUR", "20,1,USD")
                .writeTo(dir);

        assertThat(new CsvFolderTenantData(folder).loadTenantData(ANY_TENANT).reportingCurrency()).isEqualTo("USD");
    }

    @Test
    void rejectsAnInvalidReportingCurrencyWhenConstructed() {
        assertThatThrownBy(() -> new CsvFolderTenantData(dir, "dollars"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dollars'");
    }
}
