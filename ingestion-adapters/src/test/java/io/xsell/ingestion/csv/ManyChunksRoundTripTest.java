package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.DictionaryImage;
import io.xsell.core.model.ItemsImage;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of many chunks, whose rows the workers check in whatever order their chunks come: the
 * import is the dataset that was written, its columns and their dictionary codes included, from a
 * folder (item ids checked once the file is read) and from a zip (checked as rows are kept).
 */
class ManyChunksRoundTripTest {
    // about 29,000 items, 2.4 MB of subscription_items.csv: five chunks
    private static final SyntheticAccountSpec SPEC = SyntheticAccountSpec.defaults(5, 10_000);

    @TempDir
    Path dir;

    @Test
    void aFolderAndAZipOfManyChunksImportTheDatasetThatWasWritten() throws IOException {
        TenantDataset written = SyntheticAccountGenerator.generate(SPEC);
        Path folder = dir.resolve("export");
        CanonicalCsvWriter.write(written, folder);
        assertThat(Files.size(folder.resolve("subscription_items.csv"))).isGreaterThan(4L * ParallelCsvFeed.CHUNK_CHARS);
        CanonicalCsvImporter importer = new CanonicalCsvImporter();

        for (TenantDataset read : List.of(importer.importFolder(folder, written.reportingCurrency()),
                importer.importZip(zip(folder), written.reportingCurrency()))) {
            assertThat(read.customers()).isEqualTo(written.customers());
            assertThat(read.items()).containsExactlyElementsOf(written.items());
            assertThat(read.charges()).containsExactlyElementsOf(written.charges());
            ItemsImage expected = written.image().items();
            ItemsImage actual = read.image().items();
            // the same distinct values (scale included) in the order rows first show them, the same code per row
            for (Function<ItemsImage, DictionaryImage<?>> column : List.<Function<ItemsImage, DictionaryImage<?>>>of(
                    ItemsImage::product, ItemsImage::start, ItemsImage::end, ItemsImage::unitAmount,
                    ItemsImage::quantity, ItemsImage::currency, ItemsImage::discountPercent,
                    ItemsImage::discountAmount, ItemsImage::trialEnd, ItemsImage::bundle)) {
                assertThat(column.apply(actual).values()).isEqualTo(column.apply(expected).values());
                assertThat(column.apply(actual).codes()).isEqualTo(column.apply(expected).codes());
            }
            assertThat(actual.interval()).isEqualTo(expected.interval());
            assertThat(actual.intervalCount()).isEqualTo(expected.intervalCount());
            assertThat(actual.customerOfRun()).isEqualTo(expected.customerOfRun());
            assertThat(actual.customerRunStarts()).isEqualTo(expected.customerRunStarts());
            assertThat(actual.subscriptionRunStarts()).isEqualTo(expected.subscriptionRunStarts());
        }
    }

    private Path zip(Path folder) throws IOException {
        Path zip = dir.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
             var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                entries.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
        return zip;
    }
}
