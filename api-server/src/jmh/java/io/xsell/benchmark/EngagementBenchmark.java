package io.xsell.benchmark;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.EngagementIndex;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.engagement.JourneyReport;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.FxRates;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Campaign, journey and engagement analytics over {@code events} usage events spread over the
 * generated account's customers ({@link BenchData}), 30 features, and 20 campaigns touching one
 * customer in ten per month. The target: the engagement metrics over ten million events under 2 s.
 * {@code engagementCold} includes joining the engagement data to the ledger ({@link EngagementIndex}),
 * which the service does after an import; {@code engagementAfterBatch} re-joins new engagement data
 * to the same ledger, as after a batch; the others reuse the join, as queries between changes do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class EngagementBenchmark {
    private static final int FEATURES = 30;
    private static final int CAMPAIGNS = 20;
    private static final LocalDate FIRST_DAY = BenchData.WINDOW.from().minusYears(1);

    @Param({"100000"})
    public int customers;

    @Param({"10000000"})
    public int events;

    private MrrLedger ledger;
    private FxRates fxRates;
    private EngagementData data;
    private EngagementIndex index;

    @Setup(Level.Trial)
    public void generate() {
        TenantDataset dataset = BenchData.generate(customers);
        ledger = BenchData.priceLogged(dataset, 0);
        fxRates = dataset.fxRates();
        long started = System.nanoTime();
        data = engagement(dataset);
        System.out.printf("[setup] %,d usage events of %,d customers, %,d touchpoints, built in %,d ms%n",
                data.usage().size(), data.usage().customerCount(), data.touchpoints().size(),
                (System.nanoTime() - started) / 1_000_000);
        index = EngagementIndex.of(ledger, data);
    }

    private EngagementData engagement(TenantDataset dataset) {
        SplittableRandom random = new SplittableRandom(BenchData.SEED);
        List<String> ids = dataset.customers().stream().map(c -> c.id()).toList();
        String[] features = new String[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            features[f] = "feature_" + f;
        }
        int days = (int) (BenchData.WINDOW.to().toEpochDay() - FIRST_DAY.toEpochDay());
        UsageLog.Builder usage = UsageLog.builder();
        for (int e = 0; e < events; e++) {
            // skewed: a few features and customers carry most of the usage, as in real products
            int customer = (int) (ids.size() * Math.pow(random.nextDouble(), 2));
            int feature = (int) (FEATURES * Math.pow(random.nextDouble(), 3));
            usage.add(ids.get(customer), features[feature], (int) FIRST_DAY.toEpochDay() + random.nextInt(days),
                    1 + random.nextInt(20));
        }
        List<String> lines = dataset.products().stream().map(p -> p.productLine()).distinct().sorted().toList();
        List<Campaign> campaigns = new ArrayList<>();
        String[] channels = {"email", "in_app", "csm", "webinar", "sales"};
        for (int k = 0; k < CAMPAIGNS; k++) {
            campaigns.add(new Campaign("k" + k, null, channels[k % channels.length], BigDecimal.valueOf(1000L * (k + 1)),
                    dataset.reportingCurrency(), FIRST_DAY, null, k % 3 == 0 ? null : lines.get(k % lines.size())));
        }
        List<Touchpoint> touchpoints = new ArrayList<>();
        int touches = ids.size() / 10 * 24;
        for (int t = 0; t < touches; t++) {
            touchpoints.add(new Touchpoint(ids.get(random.nextInt(ids.size())), "k" + random.nextInt(CAMPAIGNS),
                    FIRST_DAY.plusDays(random.nextInt(days))));
        }
        return EngagementData.of(campaigns, touchpoints, usage.build());
    }

    @Benchmark
    public EngagementReport engagement() {
        return EngagementReport.of(index, BenchData.WINDOW);
    }

    @Benchmark
    public EngagementReport engagementCold() {
        return EngagementReport.of(EngagementIndex.of(ledger, data), BenchData.WINDOW);
    }

    /** After a batch: the same ledger joined to new engagement data, then the report. */
    @Benchmark
    public EngagementReport engagementAfterBatch() {
        return EngagementReport.of(index.with(data), BenchData.WINDOW);
    }

    @Benchmark
    public CampaignReport campaigns() {
        return CampaignReport.of(index, fxRates, BenchData.WINDOW, 30, 12);
    }

    @Benchmark
    public JourneyReport journeys() {
        return JourneyReport.of(index, BenchData.WINDOW, 30);
    }
}
