package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.TenantDataset;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Streams the entries of a zip into an import session, in archive order, extracting nothing to disk.
 * Import files must all sit at the root or all inside one top-level folder; deeper entries, entries
 * with other names and macOS metadata are skipped. Entries that would escape an extraction folder
 * (absolute paths, {@code ..}) are rejected even though nothing is extracted: such an archive is not
 * one we should accept from anyone.
 */
final class ZipImport {
    private static final String MAC_METADATA = "__MACOSX/";
    /** Far more than the eight import files and their folders; bounds what a hostile archive can list. */
    static final int MAX_ENTRIES = 100;
    /** The most an archive may expand to when read (the server's upload limit is a setting and checked first). */
    static final long MAX_UNCOMPRESSED_BYTES = 2L << 30;

    private final ImportSession session;
    private final ErrorCollector errors;
    private final Map<ImportFile, String> entryByFile = new EnumMap<>(ImportFile.class);
    private String folder;

    private ZipImport(ImportSession session) {
        this.session = session;
        this.errors = session.errors();
    }

    static TenantDataset read(InputStream zip, String reportingCurrency) {
        ImportSession session = new ImportSession(reportingCurrency);
        new ZipImport(session).readEntries(zip);
        return session.finish();
    }

    private void readEntries(InputStream zip) {
        int entries = 0;
        String current = null;
        // The caller owns the stream; closing ours still frees the inflater at once rather than at GC.
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(new FilterInputStream(zip) {
            @Override
            public void close() {
            }
        }), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            InputStream counted = new CountingStream(in);
            while ((entry = nextEntry(in)) != null) {
                entries++;
                current = entry.getName();
                if (entries > MAX_ENTRIES) {
                    errors.add((String) null, 0, null, "the zip has more than " + MAX_ENTRIES
                            + " entries; an import needs at most " + ImportFile.values().length + " files");
                    return;
                }
                readEntry(entry, counted);
            }
        } catch (TooLarge e) {
            errors.add(current, 0, null, e.getMessage());
            return;
        } catch (ZipException | EOFException e) {
            errors.add(current, 0, null, "the zip archive cannot be read: " + e.getMessage());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries == 0) {
            errors.add((String) null, 0, null, "the archive holds no entries; it is empty or not a zip file");
        }
    }

    private static ZipEntry nextEntry(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not valid UTF-8.
            throw new ZipException("an entry name is not valid UTF-8");
        }
    }

    private void readEntry(ZipEntry entry, InputStream in) throws IOException {
        String name = entry.getName();
        String path = name.replace('\\', '/');
        String unsafe = unsafeReason(path);
        if (unsafe != null) {
            errors.add(name, 0, null, "zip entry " + Bounds.quote(name) + " is rejected: " + unsafe);
            return;
        }
        if (entry.isDirectory() || path.startsWith(MAC_METADATA)) {
            return;
        }
        int slash = path.indexOf('/');
        if (slash != path.lastIndexOf('/')) {
            return;
        }
        String entryFolder = slash < 0 ? "" : path.substring(0, slash);
        ImportFile file = ImportFile.byName(path.substring(slash + 1));
        if (file == null) {
            return;
        }
        if (folder == null) {
            folder = entryFolder;
        } else if (!folder.equals(entryFolder)) {
            errors.add(name, 0, null, "import files are both in " + describe(folder) + " and in "
                    + describe(entryFolder) + "; put them all at the root of the zip or all in one top-level folder");
            return;
        }
        String earlier = entryByFile.putIfAbsent(file, name);
        if (earlier != null) {
            errors.add(name, 0, null, "the zip holds " + file.fileName() + " twice");
            return;
        }
        session.read(file, in);
    }

    /** Counts what the entries expand to and stops the reading past {@link #MAX_UNCOMPRESSED_BYTES}. */
    private static final class CountingStream extends FilterInputStream {
        private long total;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
        }

        private void count(int n) throws TooLarge {
            total += n;
            if (total > MAX_UNCOMPRESSED_BYTES) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("the zip expands to more than " + MAX_UNCOMPRESSED_BYTES + " bytes; refusing it as a possible "
                    + "decompression bomb");
        }
    }

    private static String unsafeReason(String path) {
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
            return "absolute paths are not allowed";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "'..' path segments are not allowed";
            }
        }
        return null;
    }

    private static String describe(String folder) {
        return folder.isEmpty() ? "the root" : "folder '" + folder + "/'";
    }
}
