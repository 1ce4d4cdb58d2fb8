package io.xsell.benchmark;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one-off cost of pricing a tenant: every item's MRR in the reporting currency, grouped by
 * customer ({@link MrrLedger#of}). Paid once per import, not per query, so it is timed one call
 * at a time. Dataset and ledger share the 2 GB heap here, which is the import-time peak.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LedgerPricingBenchmark {

    @Param({"100000", "1000000"})
    public int customers;

    private TenantDataset dataset;

    @Setup(Level.Trial)
    public void generate() {
        long baseline = Heap.usedAfterGc();
        dataset = BenchData.generate(customers);
        System.out.printf("%n[setup] %s%n[setup] dataset retained heap: %s%n", BenchData.shape(dataset),
                Heap.mib(Heap.usedAfterGc() - baseline));
    }

    @Benchmark
    public MrrLedger priceLedger() {
        return MrrLedger.of(dataset);
    }
}
