package io.xsell.benchmark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What reading one CSV file costs at the least, on one thread, round after round (the first pays the
 * JIT's warm-up, the later ones show compiled code): decoding its UTF-8 into characters; the same plus
 * the cheapest pass any parser makes over them (counting commas and line breaks, no cell kept); and
 * FastCSV's parse of it into records (the library the import parses with). The floor under the
 * import's time: the import does each of these and checks, converts and keeps every cell besides.
 *
 * <p>{@code CsvScanFloor FILE ROUNDS}
 */
public final class CsvScanFloor {
    private static final int BUFFER = 1 << 16;

    private CsvScanFloor() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        System.out.printf("%s: %,d bytes%n", file, Files.size(file));
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long chars = decode(file, false);
            long decoded = System.nanoTime();
            long separators = decode(file, true);
            long scanned = System.nanoTime();
            long fields = fastCsv(file);
            long parsed = System.nanoTime();
            System.out.printf("round %d: decode %5d ms (%,d chars), decode and scan %5d ms (%,d separators), "
                            + "FastCSV %5d ms (%,d fields)%n", round, (decoded - started) / 1_000_000, chars,
                    (scanned - decoded) / 1_000_000, separators, (parsed - scanned) / 1_000_000, fields);
        }
    }

    /** The file's characters, or with {@code scan} its commas and line feeds. */
    private static long decode(Path file, boolean scan) throws IOException {
        char[] buffer = new char[BUFFER];
        long count = 0;
        try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), BUFFER)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!scan) {
                    count += n;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == ',' || c == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static long fastCsv(Path file) throws IOException {
        long fields = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord record : csv) {
                fields += record.getFieldCount();
            }
        }
        return fields;
    }
}
