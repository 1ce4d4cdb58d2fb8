package io.xsell.ingestion.csv;

import io.xsell.core.model.TenantDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports the canonical CSV format (docs/import.md) into a {@link TenantDataset}. All or nothing:
 * any problem in the data and an {@link ImportValidationException} lists every one found, up to a cap
 * of 1000. Holds no state, so one instance may serve concurrent imports.
 *
 * <p>{@code reportingCurrency} may be null (or blank): the single currency of the subscription items
 * is then used, and several currencies are an error. A code that is not ISO 4217 is an
 * {@link IllegalArgumentException}, as is a folder that does not exist; I/O failures are
 * {@link UncheckedIOException}s.
 */
public final class CanonicalCsvImporter {

    public TenantDataset importFolder(Path dir, String reportingCurrency) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        ImportSession session = new ImportSession(reportingCurrency, true);
        for (ImportFile file : ImportFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (Files.isRegularFile(path)) {
                // a file's own size; a zip's stated sizes are not trusted to size anything by
                try (InputStream in = Files.newInputStream(path)) {
                    if (!session.read(file, in, Files.size(path))) {
                        try (InputStream again = Files.newInputStream(path)) {
                            session.read(file, again, Files.size(path)); // an id may repeat: named this time
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
        }
        return session.finish();
    }

    /** Reads the archive as a stream; the caller keeps ownership of {@code zip} and closes it. */
    public TenantDataset importZip(InputStream zip, String reportingCurrency) {
        return ZipImport.read(zip, reportingCurrency);
    }

    public TenantDataset importZip(Path zip, String reportingCurrency) {
        try (InputStream in = Files.newInputStream(zip)) {
            return importZip(in, reportingCurrency);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }
}
