package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductLineNameColumnTest {
    private static final String PRODUCTS = "products.csv";
    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    @Test
    void theLineNameComesWithEveryProductOfTheLine() {
        CsvFixture fixture = CsvFixture.valid().with(PRODUCTS, """
                product_id,name,product_line,kind,gross_margin,product_line_name
                core-m,Core monthly,core,core,0.8,Core Plattform 株式会社
                core-y,Core yearly,core,core,0.75,
                crm,CRM,,,,Кросс-продажи
                """);

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), "USD");

        assertThat(dataset.products()).extracting(Product::lineName)
                .containsExactly("Core Plattform 株式会社", null, "Кросс-продажи");
        DisplayNames names = DisplayNames.ofProducts(dataset.products());
        assertThat(names.line("core")).isEqualTo("Core Plattform 株式会社");
        assertThat(names.line("crm")).isEqualTo("Кросс-продажи");
    }

    @Test
    void twoNamesForOneLineAreAnErrorNamingFileLineAndColumn() {
        CsvFixture fixture = CsvFixture.valid().with(PRODUCTS, """
                product_id,name,product_line,kind,gross_margin,product_line_name
                core-m,Core monthly,core,core,0.8,Core
                core-y,Core yearly,core,core,0.75,Core Platform
                crm,CRM,,,,
                """);

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));

        assertThat(thrown).isNotNull();
        assertThat(thrown.errors()).singleElement().satisfies(error -> ImportValidationTest.assertError(error, PRODUCTS,
                3, "product_line_name", "product line 'core' is named 'Core' (product 'core-m', line 2) but product "
                        + "'core-y' names it 'Core Platform'"));
    }

    @Test
    void aTooLongNameIsRefused() {
        CsvFixture fixture = CsvFixture.valid().with(PRODUCTS, """
                product_id,name,product_line,kind,gross_margin,product_line_name
                core-m,Core monthly,core,core,0.8,
                core-y,Core yearly,core,core,0.75,
                crm,CRM,,,,%s
                """.formatted("x".repeat(201)));

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));

        assertThat(thrown.errors()).singleElement().satisfies(error -> ImportValidationTest.assertError(error, PRODUCTS,
                4, "product_line_name", "at most 200 characters"));
    }
}
