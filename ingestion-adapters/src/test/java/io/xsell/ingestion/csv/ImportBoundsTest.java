package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.xsell.core.model.Bounds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value of the import has a bound; each broken bound is an error on its file, line and column. */
class ImportBoundsTest {
    private static final String CUSTOMERS = "customers.csv";
    private static final String ITEMS = "subscription_items.csv";

    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    @Test
    void amountWithTooManyDigitsIsRefusedWithoutBeingParsed() {
        String digits = "9".repeat(400);
        List<ImportError> errors = errorsOf(CsvFixture.valid().replace(ITEMS, ",49.90,", "," + digits + ","));

        assertThat(errors).singleElement().satisfies(e -> {
            ImportValidationTest.assertError(e, ITEMS, 2, "unit_amount", "at most 12 digits before the decimal point");
            assertThat(e.message()).hasSizeLessThan(300).contains("…");
        });
    }

    @Test
    void amountWithTooManyDecimalsAndExponentsAreRefused() {
        List<ImportError> errors = errorsOf(CsvFixture.valid()
                .replace(ITEMS, ",49.90,", ",1." + "1".repeat(15) + ",")
                .replace(ITEMS, ",499,", ",1e999999,"));

        assertThat(errors).hasSize(2);
        ImportValidationTest.assertError(errors.get(0), ITEMS, 2, "unit_amount", "14 after");
        ImportValidationTest.assertError(errors.get(1), ITEMS, 3, "unit_amount", "'1e999999' is not a number");
    }

    @Test
    void anItemTheModelRefusesIsAnErrorOnItsLineAndTheRowsAroundItAreKept() {
        // the cells pass their own checks; the columns refuse the item as RecurringItem would
        List<ImportError> errors = errorsOf(CsvFixture.valid()
                .replace(ITEMS, "i1,s1,c1,", "i1," + "s".repeat(Bounds.ID_MAX + 1) + ",c1,"));

        assertThat(errors).singleElement().satisfies(e -> ImportValidationTest.assertError(e, ITEMS, 2,
                "subscription_id", "subscription_id must be at most " + Bounds.ID_MAX + " characters"));
    }

    @Test
    void longNameIsAnErrorOnItsCell() {
        List<ImportError> errors = errorsOf(CsvFixture.valid().replace(CUSTOMERS, ",Acme,", "," + "n".repeat(1001) + ","));

        assertThat(errors).singleElement().satisfies(e ->
                ImportValidationTest.assertError(e, CUSTOMERS, 2, "name", "name must be at most 1000 characters"));
    }

    @Test
    void longIdAndAttributeAreErrorsOnTheirCells() {
        List<ImportError> errors = errorsOf(CsvFixture.valid()
                .replace(CUSTOMERS, ",smb,", "," + "s".repeat(1001) + ",")
                .replace(ITEMS, "i1,", "i".repeat(201) + ","));

        assertThat(errors).hasSize(2);
        ImportValidationTest.assertError(errors.get(0), CUSTOMERS, 2, "segment", "at most 1000 characters");
        ImportValidationTest.assertError(errors.get(1), ITEMS, 2, "item_id", "at most 200 characters");
    }

    @Test
    void hugeCellStopsTheFileAtItsLineAndColumn() {
        // a quoted cell that spans lines: the error still names the line on which its record starts
        String huge = "\"" + "x\n".repeat(BoundedCsvReader.CELL_MAX) + "\"";
        List<ImportError> errors = errorsOf(CsvFixture.valid().replace(CUSTOMERS, ",Globex,", "," + huge + ","));

        assertThat(errors.get(0)).satisfies(e -> {
            ImportValidationTest.assertError(e, CUSTOMERS, 3, "name", "longer than 10000 characters");
            assertThat(e.message()).hasSizeLessThan(200);
        });
    }

    @Test
    void tooManyCellsStopTheFile() {
        List<ImportError> errors = errorsOf(CsvFixture.valid().replace(CUSTOMERS, "c2,", "c2" + ",".repeat(300)));

        assertThat(errors).singleElement().satisfies(e ->
                ImportValidationTest.assertError(e, CUSTOMERS, 3, null, "more than 256 cells"));
    }

    @Test
    void longHeaderNameIsAnErrorOnLineOne() {
        String name = "a".repeat(5000);
        List<ImportError> errors = errorsOf(CsvFixture.valid().replace(CUSTOMERS, ",country", "," + name));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).hasSizeLessThan(150).endsWith("(5000 characters)");
        });
    }

    @Test
    void oneGigabyteCellInAZipEndsWithinTheCellBound() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : CsvFixture.valid().entries("").entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getKey().equals(CUSTOMERS)) {
                    zip.write("customer_id,name\nc1,\"".getBytes(StandardCharsets.US_ASCII));
                    byte[] block = new byte[1 << 20];
                    java.util.Arrays.fill(block, (byte) 'x');
                    for (int i = 0; i < 1024; i++) {
                        zip.write(block);
                    }
                } else {
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        long before = System.nanoTime();
        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(bytes.toByteArray()), "USD"));

        assertThat(thrown.errors()).anySatisfy(e ->
                ImportValidationTest.assertError(e, CUSTOMERS, 2, "name", "longer than 10000 characters"));
        assertThat(System.nanoTime() - before).as("nanoseconds").isLessThan(60_000_000_000L);
    }

    @Test
    void manyBadCellsGiveABoundedReport() {
        StringBuilder customers = new StringBuilder("customer_id,name,created_at\n");
        String bad = "d".repeat(9000);
        for (int i = 0; i < 1500; i++) {
            customers.append('c').append(i).append(",x,").append(bad).append('\n');
        }
        List<ImportError> errors = errorsOf(CsvFixture.valid().with(CUSTOMERS, customers.toString()));

        assertThat(errors).hasSize(ErrorCollector.CAP + 1);
        long size = errors.stream().mapToLong(e -> e.message().length() + String.valueOf(e.column()).length()).sum();
        assertThat(size).isLessThan(300_000);
    }

    private List<ImportError> errorsOf(CsvFixture fixture) {
        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));
        assertThat(thrown).as("import should fail").isNotNull();
        return thrown.errors();
    }
}
