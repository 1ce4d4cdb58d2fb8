package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A table learns about how many rows its file holds from the file's size and its first chunk. */
class ExpectedRowsTest {

    @Test
    void theEstimateOfALongFileIsCloseToItsRows() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,segment\n");
        int rows = 200_000; // several chunks
        for (int i = 0; i < rows; i++) {
            csv.append('c').append(i).append(i % 3 == 0 ? ",enterprise\n" : ",smb\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        int expected = read(bytes, bytes.length);

        assertThat(expected).isBetween(rows * 9 / 10, rows * 11 / 10);
    }

    @Test
    void aShortFileIsEstimatedAtItsRowsAndAnUnknownSizeAtNothing() throws IOException {
        byte[] bytes = "customer_id,segment\nc1,smb\nc2,smb\nc3,smb\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read(bytes, bytes.length)).isEqualTo(3);
        assertThat(read(bytes, -1)).isZero();
    }

    private static int read(byte[] bytes, long size) throws IOException {
        int[] told = {-1};
        int[] seen = {0};
        TableReader table = new TableReader() {
            @Override
            public boolean begin(Header header) {
                return true;
            }

            @Override
            public void row(Row row) {
                seen[0]++;
            }

            @Override
            public void expectRows(int rows) {
                told[0] = rows;
            }
        };
        ErrorCollector errors = new ErrorCollector();
        CsvTableParser.read(ImportFile.CUSTOMERS, new ByteArrayInputStream(bytes), size, errors, table);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(seen[0]).isEqualTo(bytes.length > 100 ? 200_000 : 3);
        return told[0];
    }
}
