package io.xsell.server.persistence;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.server.persistence.snapshot.PreparedTenantCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.InflaterInputStream;

/**
 * What a tenant snapshot costs on the CPU, without a database: encoding a generated, priced account,
 * inflating it alone, and decoding it into a dataset and ledger (what a restarted server does before
 * its first answer), each repeated so that a profiler sees the warm code too. Not a test; run as
 * docs/performance.md ("Snapshots of prepared tenants") shows, with a flight recording if wanted:
 *
 * <pre>
 * java -Xmx4g -XX:StartFlightRecording=filename=/tmp/snapshot.jfr,settings=profile \
 *     -cp api-server/target/test-classes:api-server/target/xsell.jar:$(cat /tmp/test.cp) \
 *     io.xsell.server.persistence.SnapshotBenchmark 1000000 3 [rows]
 * </pre>
 *
 * A third argument {@code rows} encodes in format 3 (rows) instead of format 4 (columns).
 */
public final class SnapshotBenchmark {
    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean rows = args.length > 2 && args[2].equals("rows");
        TenantId tenant = new TenantId("t-bench");
        TenantDataset dataset = TestDatasets.generated(42, customers);
        MrrLedger ledger = MrrLedger.of(dataset);
        System.out.printf(Locale.ROOT, "%,d customers, %,d items, %,d charges, format %d; load average %s%n",
                customers, dataset.items().size(), dataset.charges().size(),
                rows ? PreparedTenantCodec.ROWS_FORMAT : PreparedTenantCodec.FORMAT, loadAverage());
        long weight = dataset.retainedBytes() + ledger.retainedBytes();
        byte[] body = null;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            body = rows ? PreparedTenantCodec.encodeRows(tenant, 1, dataset, ledger, weight)
                    : PreparedTenantCodec.encode(tenant, 1, dataset, ledger, weight);
            print("encode", start, body.length);
        }
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long raw = inflatedSize(body);
            print("inflate only (1 thread)", start, raw);
        }
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(body, tenant, 1, "USD");
            print("decode", start, restored.dataset().items().size());
            start = System.nanoTime();
            long bytes = restored.dataset().retainedBytes() + restored.ledger().retainedBytes();
            print("weigh (now stored)", start, bytes);
        }
        System.out.printf(Locale.ROOT, "load average %s%n", loadAverage());
        retained(body, tenant);
    }

    /**
     * Heap in use after full collections with only one restored tenant reachable, minus the same
     * with nothing of it reachable: what a restored 1M-customer tenant costs the server.
     */
    private static void retained(byte[] body, TenantId tenant) {
        long before = usedAfterGc();
        PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(body, tenant, 1, "USD");
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "heap retained by the restored tenant: %,d KiB (stored weight %,d KiB)%n",
                (after - before) >> 10, restored.retainedBytes() >> 10);
        java.lang.ref.Reference.reachabilityFence(restored);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Inflates each section of the body in turn, on one thread. */
    private static long inflatedSize(byte[] body) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        // format 4 frames a section with its inflated length too
        int frame = java.nio.ByteBuffer.wrap(body, 4, 4).getInt() == PreparedTenantCodec.ROWS_FORMAT ? 4 : 8;
        for (int at = PreparedTenantCodec.HEAD; at < body.length; ) {
            int length = java.nio.ByteBuffer.wrap(body, at, 4).getInt();
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body, at + frame, length))) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                }
            }
            at += frame + length;
        }
        return total;
    }

    private static void print(String step, long start, long size) {
        System.out.printf(Locale.ROOT, "%-26s %,8d ms  (%,d)%n", step, (System.nanoTime() - start) / 1_000_000, size);
    }

    private static String loadAverage() throws IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    }
}
