package io.xsell.benchmark;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
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
 * One 12-month cross-sell report over every customer, split by product line and by segment, from
 * a ledger priced once. This is the query the product answers repeatedly; the ledger is built
 * beforehand and the dataset dropped, as a server holding a tenant in memory would.
 * {@code -Xmx2g} makes the heap target part of the measurement: a run that needs more fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class WindowReportBenchmark {

    @Param({"100000", "1000000"})
    public int customers;

    private MrrLedger ledger;

    @Setup(Level.Trial)
    public void priceLedger() {
        long baseline = Heap.usedAfterGc();
        ledger = priceFreshDataset();
        long withLedger = Heap.usedAfterGc();
        System.out.printf("%n[setup] ledger retained heap (dataset dropped): %s%n", Heap.mib(withLedger - baseline));
    }

    /** In its own frame so that nothing but the ledger is reachable once it returns. */
    private MrrLedger priceFreshDataset() {
        long started = System.nanoTime();
        TenantDataset dataset = BenchData.generate(customers);
        return BenchData.priceLogged(dataset, System.nanoTime() - started);
    }

    @Benchmark
    public CrossSellReport windowReport() {
        return CrossSellCalculator.report(ledger, BenchData.WINDOW, BenchData.SEGMENT_BY);
    }
}
