package io.xsell.benchmark;

import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Times the canonical CSV import of a folder, {@code RUNS} times in one JVM: wall time, the CPU of
 * the whole process, and the CPU of the calling thread. The calling thread keeps the rows in file
 * order while the parsing and the cell checks run on worker threads, so its CPU is the part of the
 * import that no number of cores shortens; unlike wall time, it holds on a machine shared with
 * other work.
 *
 * <p>{@code CsvImportTiming DIR RUNS}, e.g. {@code -Xmx3g}.
 */
public final class CsvImportTiming {

    private CsvImportTiming() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            double load = os.getSystemLoadAverage();
            long process = os.getProcessCpuTime();
            long caller = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            TenantDataset dataset = new CanonicalCsvImporter().importFolder(dir, "USD");
            long wall = System.nanoTime() - started;
            System.out.printf("run %d: wall %.2f s, process CPU %.2f s, calling thread CPU %.2f s, "
                            + "%d customers, %d items, load %.2f -> %.2f%n", run, wall / 1e9,
                    (os.getProcessCpuTime() - process) / 1e9, (threads.getCurrentThreadCpuTime() - caller) / 1e9,
                    dataset.customers().size(), dataset.items().size(), load, os.getSystemLoadAverage());
        }
    }
}
