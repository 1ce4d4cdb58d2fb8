package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.xsell.core.model.Customer;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import io.xsell.core.model.TenantDataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of several chunks of {@link ParallelCsvFeed}: parsed and checked on worker threads, kept on the
 * caller's, the rows, their order and the lines errors name are those of the file, on both sides of a
 * chunk boundary.
 */
class ParseThreadTest {
    private static final String CUSTOMERS = "customers.csv";
    // a customer row is about 12 characters: four chunks and more
    private static final int ROWS = 4 * ParallelCsvFeed.CHUNK_CHARS / 12;

    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    private static StringBuilder customers() {
        StringBuilder csv = new StringBuilder("customer_id,name,created_at,segment,country\n");
        csv.append("c1,Acme,2023-01-15,smb,DE\nc2,Globex,,enterprise,\n");
        for (int i = 3; i <= ROWS; i++) {
            csv.append('c').append(i).append(",,,smb,\n");
        }
        return csv;
    }

    @Test
    void everyRowArrivesInFileOrder() {
        TenantDataset dataset = importer.importFolder(CsvFixture.valid().with(CUSTOMERS, customers().toString())
                .writeTo(dir), "USD");

        List<String> ids = dataset.customers().stream().map(Customer::id).toList();
        assertThat(ids).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(ids.get(i)).isEqualTo("c" + (i + 1));
        }
    }

    @Test
    void rowsReadOnTheCallersThreadAfterManyChunksKeepTheirOwnCells() {
        // one_time_charges.csv is checked row by row on this thread, after its chunk arrived: with three
        // times as many chunks as are in flight at once, every chunk's arrays have held an earlier one's
        int rows = 3 * ParallelCsvFeed.QUEUED * ParallelCsvFeed.CHUNK_CHARS / 40;
        StringBuilder csv = new StringBuilder("charge_id,customer_id,product_id,date,amount,currency,description\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("ch").append(i).append(",c").append(1 + i % 2).append(",,2024-03-").append(10 + i % 19)
                    .append(',').append(i).append(".25,USD,\"note ").append(i).append("\"\n");
        }
        TenantDataset dataset = importer.importFolder(CsvFixture.valid()
                .with("one_time_charges.csv", csv.toString()).writeTo(dir), "USD");

        assertThat(dataset.charges()).hasSize(rows);
        for (int i = 1; i <= rows; i++) {
            io.xsell.core.model.OneTimeCharge charge = dataset.charges().get(i - 1);
            assertThat(List.of(charge.id(), charge.customerId(), charge.date().toString(), charge.amount().toPlainString(),
                    charge.description()))
                    .containsExactly("ch" + i, "c" + (1 + i % 2), "2024-03-" + (10 + i % 19), i + ".25", "note " + i);
        }
    }

    @Test
    void errorsAfterSeveralBatchesNameTheirLines() {
        StringBuilder csv = customers();
        int duplicateLine = ROWS / 4 + 7;     // in the second chunk
        int malformedLine = 3 * ROWS / 4 + 50; // in the fourth
        String text = csv.toString();
        String[] lines = text.split("\n", -1);
        lines[duplicateLine - 1] = "c5,,,smb,";
        lines[malformedLine - 1] = "c" + malformedLine + ",\"Bad\"name,,smb,";
        CsvFixture fixture = CsvFixture.valid().with(CUSTOMERS, String.join("\n", lines));

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));

        assertThat(thrown).as("import should fail").isNotNull();
        assertThat(thrown.errors()).hasSize(2);
        ImportValidationTest.assertError(thrown.errors().get(0), CUSTOMERS, duplicateLine, "customer_id",
                "duplicate customer_id 'c5' (first on line 6)");
        ImportValidationTest.assertError(thrown.errors().get(1), CUSTOMERS, malformedLine, null, "malformed CSV");
    }

    // an item row is about 45 characters: four chunks and more
    private static final int ITEM_ROWS = 4 * ParallelCsvFeed.CHUNK_CHARS / 45;
    private static final String ITEMS_FILE = "subscription_items.csv";

    private static String[] itemLines() {
        StringBuilder csv = new StringBuilder(
                "item_id,subscription_id,customer_id,product_id,start_date,end_date,unit_amount,quantity,currency,"
                        + "interval\n");
        for (int i = 1; i < ITEM_ROWS; i++) {
            csv.append('i').append(i).append(",s").append(i / 3).append(i % 2 == 0 ? ",c1," : ",c2,")
                    .append(i % 3 == 0 ? "crm" : "core-m").append(",2024-01-01,,").append(i % 500).append(",,USD,month\n");
        }
        return csv.toString().split("\n", -1);
    }

    @Test
    void everyItemIsCheckedOnTheWorkersAndKeptInFileOrder() {
        CsvFixture fixture = CsvFixture.valid().with(ITEMS_FILE, String.join("\n", itemLines()));

        TenantDataset dataset = importer.importFolder(fixture.writeTo(dir), "USD");

        List<RecurringItem> items = dataset.items();
        assertThat(items).hasSize(ITEM_ROWS - 1);
        for (int i = 0; i < items.size(); i++) {
            RecurringItem item = items.get(i);
            int n = i + 1;
            assertThat(item.id()).isEqualTo("i" + n);
            assertThat(item.customerId()).isEqualTo(n % 2 == 0 ? "c1" : "c2");
            assertThat(item.unitAmount()).isEqualByComparingTo(BigDecimal.valueOf(n % 500));
        }
    }

    @Test
    void anIdRepeatedAcrossLaterChunksIsARepeatOfItsFirstLineWhicheverWorkerSawItFirst() {
        String[] lines = itemLines();
        int first = ITEM_ROWS / 4 + 7;         // second chunk
        int second = ITEM_ROWS / 2 + 13;       // third chunk
        int third = 3 * ITEM_ROWS / 4 + 17;    // fourth chunk
        for (int line : new int[] {first, second, third}) {
            lines[line - 1] = "dup-7,s9,c1,crm,2024-01-01,,10,,USD,month";
        }
        CsvFixture fixture = CsvFixture.valid().with(ITEMS_FILE, String.join("\n", lines));

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));

        assertThat(thrown).as("import should fail").isNotNull();
        assertThat(thrown.errors()).hasSize(2);
        ImportValidationTest.assertError(thrown.errors().get(0), ITEMS_FILE, second, "item_id",
                "duplicate item_id 'dup-7' (first on line " + first + ")");
        ImportValidationTest.assertError(thrown.errors().get(1), ITEMS_FILE, third, "item_id",
                "duplicate item_id 'dup-7' (first on line " + first + ")");
    }

    @Test
    void itemErrorsInLaterChunksKeepTheOrderOfAOneByOneCheck() {
        String[] lines = itemLines();
        int duplicateLine = ITEM_ROWS / 4 + 3;      // second chunk: a duplicate id that also has a bad date
        int unknownLine = ITEM_ROWS / 2 + 11;       // third chunk: an unknown customer and a negative amount
        int shortLine = 3 * ITEM_ROWS / 4 + 5;      // fourth chunk: a row missing cells
        lines[duplicateLine - 1] = "i3,s9,c1,crm,2024-13-01,,10,,USD,month";
        lines[unknownLine - 1] = "x" + unknownLine + ",s9,c9,crm,2024-01-01,,-1,,USD,month";
        lines[shortLine - 1] = "x" + shortLine + ",s9,c1";
        CsvFixture fixture = CsvFixture.valid().with(ITEMS_FILE, String.join("\n", lines));

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD"));

        assertThat(thrown).as("import should fail").isNotNull();
        assertThat(thrown.errors()).extracting(ImportError::line, ImportError::column).containsExactly(
                tuple(duplicateLine, "item_id"),
                tuple(duplicateLine, "start_date"),
                tuple(unknownLine, "unit_amount"),
                tuple(unknownLine, "customer_id"),
                tuple(shortLine, null));
        ImportValidationTest.assertError(thrown.errors().get(0), ITEMS_FILE, duplicateLine, "item_id",
                "duplicate item_id 'i3' (first on line 4)");
        ImportValidationTest.assertError(thrown.errors().get(3), ITEMS_FILE, unknownLine, "customer_id",
                "unknown customer_id 'c9' (not in customers.csv)");
    }
}
