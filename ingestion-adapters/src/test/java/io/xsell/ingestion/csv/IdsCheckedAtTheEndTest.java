package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The items' ids checked by their hashes once the file is read: a file without repeats is read once,
 * a file where an id may repeat is read again and its repeats named as a check row by row names them.
 */
class IdsCheckedAtTheEndTest {
    @TempDir
    Path dir;

    @Test
    void distinctIdsHaveDistinctHashesAndARepeatIsSeen() {
        IdHashes hashes = new IdHashes();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) { // several blocks
            long hash = IdHashes.hashOf("i" + i);
            assertThat(seen.add(hash)).as("i%d", i).isTrue();
            hashes.add(hash);
        }
        assertThat(hashes.mayRepeat()).isFalse();

        IdHashes again = new IdHashes();
        for (int i = 0; i < 200_000; i++) {
            again.add(IdHashes.hashOf("i" + i));
        }
        again.add(IdHashes.hashOf("i123456"));
        assertThat(again.mayRepeat()).isTrue();
        assertThat(IdHashes.hashOf("\u6771\u4eac")).isNotEqualTo(IdHashes.hashOf("\u4eac\u6771"));
    }

    @Test
    void aRepeatIsFoundInAnyGroupAndOnlyAnEqualHashIsOne() {
        assertThat(new IdHashes().mayRepeat()).isFalse();
        long sameGroupSameSlot = 0x7F00_0000_0000_0005L;
        long[][] cases = {
                {0L, 1L, 2L},                                              // no repeat, a hash of 0 among them
                {sameGroupSameSlot, sameGroupSameSlot + (1L << 20), sameGroupSameSlot + (1L << 40)}, // one probe chain
                {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x00FF_FFFF_FFFF_FFFFL},
        };
        for (long[] distinct : cases) {
            IdHashes hashes = new IdHashes();
            for (long hash : distinct) {
                hashes.add(hash);
            }
            assertThat(hashes.mayRepeat()).as("distinct %s", java.util.Arrays.toString(distinct)).isFalse();
            for (long repeated : distinct) {
                IdHashes again = new IdHashes();
                for (long hash : distinct) {
                    again.add(hash);
                }
                again.add(repeated);
                assertThat(again.mayRepeat()).as("%d twice", repeated).isTrue();
            }
        }
    }

    @Test
    void aSessionThatCanReadAgainAsksForASecondReadingOnlyWhenAnIdMayRepeat() throws IOException {
        String items = CsvFixture.ITEMS;
        String repeated = items + "i2,s9,c2,crm,2024-13-01,,10,,USD,month,,,,,\n"; // a repeat with a bad date

        ImportSession once = session();
        assertThat(once.read(ImportFile.SUBSCRIPTION_ITEMS, stream(items), items.length())).isTrue();
        assertThat(once.errors().isEmpty()).isTrue();

        ImportSession twice = session();
        assertThat(twice.read(ImportFile.SUBSCRIPTION_ITEMS, stream(repeated), repeated.length())).isFalse();
        assertThat(twice.errors().isEmpty()).as("the first reading's errors are forgotten").isTrue();
        assertThat(twice.read(ImportFile.SUBSCRIPTION_ITEMS, stream(repeated), repeated.length())).isTrue();
        List<ImportError> errors = twice.errors().report();
        assertThat(errors).extracting(ImportError::line, ImportError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "item_id"), org.assertj.core.groups.Tuple.tuple(5, "start_date"));
        assertThat(errors.get(0).message()).isEqualTo("duplicate item_id 'i2' (first on line 3)");
        assertThat(errors.get(1).message()).contains("2024-13-01");
    }

    @Test
    void aFolderAndAZipNameTheSameRepeats() {
        CsvFixture fixture = CsvFixture.valid().with("subscription_items.csv",
                CsvFixture.ITEMS + "i3,s9,c1,crm,2024-01-01,,10,,USD,month,,,,,\ni1,s9,c1,crm,2024-01-01,,10,,USD,month,,,,,\n");
        CanonicalCsvImporter importer = new CanonicalCsvImporter();

        List<ImportError> folder = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(fixture.writeTo(dir), "USD")).errors();
        List<ImportError> zip = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(fixture.zip("")), "USD")).errors();

        assertThat(folder).extracting(ImportError::message).containsExactly(
                "duplicate item_id 'i3' (first on line 4)", "duplicate item_id 'i1' (first on line 2)");
        assertThat(zip).isEqualTo(folder);
    }

    private ImportSession session() throws IOException {
        ImportSession session = new ImportSession("USD", true);
        session.read(ImportFile.CUSTOMERS, stream(CsvFixture.CUSTOMERS));
        session.read(ImportFile.PRODUCTS, stream(CsvFixture.PRODUCTS));
        return session;
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
