package io.xsell.benchmark;

import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes the benchmark datasets as canonical CSV folders for end-to-end timing of the
 * {@code report} command: {@code BenchDataWriter OUT_DIR 100000,1000000} writes
 * {@code OUT_DIR/100k} and {@code OUT_DIR/1m}, generated exactly as the JMH benchmarks generate them.
 */
public final class BenchDataWriter {

    private BenchDataWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchDataWriter OUT_DIR CUSTOMERS[,CUSTOMERS...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath().normalize();
        for (String size : args[1].split(",")) {
            int customers = Integer.parseInt(size.trim());
            write(customers, out.resolve(label(customers)));
        }
    }

    private static void write(int customers, Path folder) throws IOException {
        long started = System.nanoTime();
        TenantDataset dataset = BenchData.generate(customers);
        long generated = System.nanoTime();
        CanonicalCsvWriter.write(dataset, folder);
        long written = System.nanoTime();
        System.out.printf("%s%n  %s%n  generated in %,d ms, CSV written in %,d ms (%s); heap in use with the dataset: %s%n",
                folder, BenchData.shape(dataset), (generated - started) / 1_000_000, (written - generated) / 1_000_000,
                sizes(folder), Heap.mib(Heap.usedAfterGc()));
    }

    private static String label(int customers) {
        if (customers % 1_000_000 == 0) {
            return customers / 1_000_000 + "m";
        }
        return customers % 1_000 == 0 ? customers / 1_000 + "k" : Integer.toString(customers);
    }

    private static String sizes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long bytes = files.mapToLong(f -> f.toFile().length()).sum();
            return String.format("%,.1f MiB on disk", bytes / (1024.0 * 1024.0));
        }
    }
}
