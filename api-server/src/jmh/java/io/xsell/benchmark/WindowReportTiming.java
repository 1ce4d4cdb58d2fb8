package io.xsell.benchmark;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code CrossSellCalculator.report} on {@link BenchData}'s dataset and window, called {@code ROUNDS}
 * times in one JVM, each call timed (wall and the CPU time of every thread, which a shared machine
 * disturbs less) with the bytes every thread allocated during it: the first call
 * is what a freshly started JVM pays (a restarted server's first answer), the last ones warm code.
 * Prints the shape of the ledger's distinct monthly amounts and a digest of the report's
 * {@code toString()} (every figure, scale included), so that two builds can be compared on the same
 * data. {@code WindowReportTiming CUSTOMERS [ROUNDS]}; run it on the code before and after a change.
 */
public final class WindowReportTiming {

    private WindowReportTiming() {
    }

    public static void main(String[] args) {
        int customers = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long started = System.nanoTime();
        MrrLedger ledger = price(customers);
        System.out.printf("generated and priced in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
        describeAmounts(ledger.image().items().amounts());
        String first = null;
        for (int r = 0; r < rounds; r++) {
            long bytes = allocatedBytes();
            long cpu = cpuNanos();
            long t0 = System.nanoTime();
            CrossSellReport report = CrossSellCalculator.report(ledger, BenchData.WINDOW, BenchData.SEGMENT_BY);
            long nanos = System.nanoTime() - t0;
            long cpuUsed = cpuNanos() - cpu;
            long allocated = allocatedBytes() - bytes;
            String text = report.toString();
            if (first == null) {
                first = text;
            } else if (!first.equals(text)) {
                throw new AssertionError("round " + (r + 1) + " differs from round 1");
            }
            System.out.printf("round %d: %,d ms, %,d ms of CPU, %,d MB allocated%n", r + 1, nanos / 1_000_000,
                    cpuUsed / 1_000_000, allocated / 1_000_000);
        }
        System.out.printf("report digest %08x, %,d chars; ending MRR %s%n", first.hashCode(), first.length(),
                first.substring(first.indexOf("endingMrr="), first.indexOf(',', first.indexOf("endingMrr="))));
    }

    /** In its own frame so that the dataset is unreachable once it returns. */
    private static MrrLedger price(int customers) {
        TenantDataset dataset = BenchData.generate(customers);
        return MrrLedger.of(dataset);
    }

    private static void describeAmounts(List<BigDecimal> amounts) {
        int maxScale = 0;
        int maxPrecision = 0;
        BigDecimal maxAbs = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            maxScale = Math.max(maxScale, a.scale());
            maxPrecision = Math.max(maxPrecision, a.precision());
            maxAbs = maxAbs.max(a.abs());
        }
        BigInteger atCommonScale = maxAbs.setScale(maxScale).unscaledValue();
        System.out.printf("%,d distinct monthly amounts: largest %s, max scale %d, max precision %d, "
                + "largest at the common scale: %d bits%n", amounts.size(), maxAbs, maxScale, maxPrecision,
                atCommonScale.bitLength());
    }

    /** CPU time used so far by every live thread. */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(threads.getThreadCpuTime(id), 0);
        }
        return total;
    }

    /** Bytes allocated so far by every live thread (the report's pool threads live on between calls). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(bytes, 0);
        }
        return total;
    }
}
