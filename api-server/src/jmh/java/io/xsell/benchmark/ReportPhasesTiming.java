package io.xsell.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.server.api.CrossSellReportJson;
import io.xsell.server.api.JsonMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The phases of the {@code report} command after the CSV import, in one JVM as the command runs
 * them: the import once, then {@code ROUNDS} times pricing ({@code MrrLedger.of}), the window report
 * ({@code CrossSellCalculator.report}) and its JSON. Round 1 is what the command pays (a JVM that has
 * compiled none of it); later rounds are warm. Per phase: wall time, the CPU of the whole process
 * (JIT compiler and GC threads included, so warm-up shows) and the bytes allocated by every live
 * thread. Prints the JSON's SHA-256, which must not change between builds.
 *
 * <p>With {@code IMPORTS} above 1 the import is run that many times first, the last one's dataset kept:
 * what the import costs once its code is compiled, against the first (the command's).
 *
 * <p>{@code ReportPhasesTiming DIR FROM TO SEGMENT CURRENCY ROUNDS [IMPORTS]}; runs against any
 * {@code xsell.jar} on the class path ({@code -cp HARNESS:xsell.jar}).
 */
public final class ReportPhasesTiming {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ReportPhasesTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Window window = Window.of(args[1], args[2]);
        String segmentBy = args[3];
        String currency = args[4];
        int rounds = Integer.parseInt(args[5]);
        int imports = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        TenantDataset last = null;
        for (int round = 1; round <= imports; round++) {
            last = timed("import", () -> new CanonicalCsvImporter().importFolder(dir, currency));
        }
        TenantDataset dataset = last;
        ObjectMapper mapper = JsonMapper.forPeople(Jackson.newObjectMapper());
        DisplayNames names = DisplayNames.ofProducts(dataset.products());
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d (load %.2f)%n", round, OS.getSystemLoadAverage());
            MrrLedger ledger = timed("  pricing", () -> MrrLedger.of(dataset));
            CrossSellReport report = timed("  report", () -> CrossSellCalculator.report(ledger, window, segmentBy));
            String json = timed("  json", () -> {
                try {
                    return mapper.writeValueAsString(CrossSellReportJson.of(report, names));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            System.out.println("  json sha-256 " + HexFormat.of().formatHex(digest).substring(0, 16));
        }
    }

    private static <T> T timed(String phase, Supplier<T> work) {
        long cpu = OS.getProcessCpuTime();
        long allocated = allocated();
        long started = System.nanoTime();
        T result = work.get();
        long wall = System.nanoTime() - started;
        System.out.printf("%-10s wall %6d ms, process CPU %6d ms, allocated %6d MB%n", phase, wall / 1_000_000,
                (OS.getProcessCpuTime() - cpu) / 1_000_000, (allocated() - allocated) / 1_000_000);
        return result;
    }

    /** Bytes allocated so far by the threads alive now (a thread that ended takes its count along). */
    private static long allocated() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
