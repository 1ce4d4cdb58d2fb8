package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.xsell.core.model.Customer;
import io.xsell.core.model.TenantDataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files longer than one batch of {@link RecordFeed}: parsed on its thread, validated on the caller's,
 * the rows, their order and the lines errors name are those of the file, on both sides of a batch
 * boundary.
 */
class ParseThreadTest {
    private static final String CUSTOMERS = "customers.csv";
    private static final int ROWS = 3 * RecordFeed.BATCH + 100;

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
    void errorsAfterSeveralBatchesNameTheirLines() {
        StringBuilder csv = customers();
        int duplicateLine = RecordFeed.BATCH + 7;    // in the second batch
        int malformedLine = 3 * RecordFeed.BATCH + 50; // in the fourth
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
}
