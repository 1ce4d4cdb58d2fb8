package io.xsell.benchmark;

import io.xsell.core.analytics.AttachConcentration;
import io.xsell.core.analytics.AttachedCohortRetention;
import io.xsell.core.analytics.BasketAnalysis;
import io.xsell.core.analytics.ChurnRiskCorrelation;
import io.xsell.core.analytics.LifetimeValue;
import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.analytics.TimeToAdoption;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
 * Each analytic of {@code io.xsell.core.analytics} over every customer, from a ledger priced once
 * (the dataset is dropped; only its product list is kept, which {@link LifetimeValue} reads for
 * the gross margins). The target is each analytic under 5 s at a million customers, so the
 * iterations are few: one warm-up and three measurement iterations of at least 2 s each.
 * {@code -Xmx2g} makes the heap target part of the measurement, as in {@link WindowReportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AnalyticsBenchmark {

    /** The day of the basket snapshot: the last day of the generated history. */
    static final LocalDate BASKET_DATE = LocalDate.parse("2026-10-31");
    /** A cohort whose twelve-month horizon lies entirely inside the history. */
    static final YearMonth COHORT_MONTH = YearMonth.parse("2025-06");

    @Param({"100000", "1000000"})
    public int customers;

    private MrrLedger ledger;
    private List<Product> products;

    @Setup(Level.Trial)
    public void priceLedger() {
        long baseline = Heap.usedAfterGc();
        ledger = priceFreshDataset();
        long withLedger = Heap.usedAfterGc();
        System.out.printf("%n[setup] ledger and products retained heap (dataset dropped): %s%n",
                Heap.mib(withLedger - baseline));
    }

    /** In its own frame so that nothing but the ledger and the product list is reachable once it returns. */
    private MrrLedger priceFreshDataset() {
        long started = System.nanoTime();
        TenantDataset dataset = BenchData.generate(customers);
        long generation = System.nanoTime() - started;
        products = List.copyOf(dataset.products());
        return BenchData.priceLogged(dataset, generation);
    }

    @Benchmark
    public BasketAnalysis basketAnalysis() {
        return BasketAnalysis.on(ledger, BASKET_DATE);
    }

    @Benchmark
    public TimeToAdoption timeToAdoption() {
        return TimeToAdoption.of(ledger);
    }

    @Benchmark
    public ChurnRiskCorrelation churnRiskCorrelation() {
        return ChurnRiskCorrelation.of(ledger, BenchData.WINDOW);
    }

    @Benchmark
    public AttachedCohortRetention attachedCohortRetention() {
        return AttachedCohortRetention.of(ledger, COHORT_MONTH);
    }

    @Benchmark
    public ProductsPerCustomerTrajectory productsPerCustomerTrajectory() {
        return ProductsPerCustomerTrajectory.of(ledger, BenchData.WINDOW);
    }

    @Benchmark
    public AttachConcentration attachConcentration() {
        return AttachConcentration.of(ledger, BenchData.WINDOW);
    }

    @Benchmark
    public LifetimeValue lifetimeValue() {
        return LifetimeValue.of(ledger, products, BenchData.WINDOW, LifetimeValue.DEFAULT_GROSS_MARGIN);
    }
}
