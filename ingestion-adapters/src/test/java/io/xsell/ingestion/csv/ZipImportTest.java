package io.xsell.ingestion.csv;

import static io.xsell.ingestion.csv.ImportValidationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipImportTest {
    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @Test
    void rejectsAnEntryThatClimbsOutOfTheArchive() {
        Map<String, String> entries = new LinkedHashMap<>(CsvFixture.valid().entries(""));
        entries.put("../customers.csv", CsvFixture.CUSTOMERS);

        assertThat(errorsOf(entries)).singleElement().satisfies(error -> assertError(error, "../customers.csv", 0,
                null, "zip entry '../customers.csv' is rejected: '..' path segments are not allowed"));
    }

    @Test
    void rejectsAnEntryWithAnAbsolutePath() {
        Map<String, String> entries = new LinkedHashMap<>(CsvFixture.valid().entries(""));
        entries.put("/etc/cron.d/job", "* * * * * root true");

        assertThat(errorsOf(entries)).singleElement().satisfies(error -> assertError(error, "/etc/cron.d/job", 0,
                null, "absolute paths are not allowed"));
    }

    @Test
    void rejectsImportFilesSpreadOverTwoFolders() {
        Map<String, String> entries = new LinkedHashMap<>(CsvFixture.valid().without("fx_rates.csv").entries("a/"));
        entries.put("b/fx_rates.csv", CsvFixture.FX_RATES);

        // The rejected fx_rates.csv also leaves the EUR rows without a rate; those errors are reported too.
        assertThat(errorsOf(entries)).anySatisfy(error -> assertError(error, "b/fx_rates.csv", 0, null,
                "import files are both in folder 'a/' and in folder 'b/'"));
    }

    @Test
    void reportsDataThatIsNotAZipArchive() {
        byte[] notAZip = "customer_id\nc1\n".getBytes(StandardCharsets.UTF_8);

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(notAZip), "USD"));

        assertThat(thrown.errors()).first().satisfies(error -> assertError(error, "customers.csv", 0, null,
                "required file customers.csv is missing"));
        assertThat(thrown.errors()).last().satisfies(error -> assertError(error, null, 0, null,
                "the archive holds no entries; it is empty or not a zip file"));
    }

    private List<ImportError> errorsOf(Map<String, String> entries) {
        byte[] zip = CsvFixture.zipOf(entries);
        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(zip), "USD"));
        assertThat(thrown).as("import should fail").isNotNull();
        return thrown.errors();
    }
}
