package io.xsell.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.PropensityQuery;
import io.xsell.core.propensity.PropensityReport;
import io.xsell.core.service.AnalyticsService;
import io.xsell.server.api.JsonMapper;
import io.xsell.server.api.PropensityJson;
import io.xsell.server.propensity.TribuoLogisticTrainer;
import java.time.LocalDate;
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
 * {@code GET /v1/analytics/propensity} with its defaults (scoring day 2026-10-31, horizon 90 days,
 * 4 training cutoffs, 20 prospects per line) after the data is priced: feature extraction at the
 * five cutoffs, training one Tribuo model per line, holdout evaluation, scoring every current
 * customer, and the JSON body. Each call takes seconds, so single-shot: one warm-up call, then
 * three timed calls, each a complete answer. The target is under 60 s at a million customers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class PropensityBenchmark {
    private static final TenantId TENANT = new TenantId("bench");
    static final LocalDate DATE = LocalDate.parse("2026-10-31");

    @Param({"100000", "1000000"})
    public int customers;

    private AnalyticsService analytics;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void priceLedger() {
        analytics = new AnalyticsService(BenchData.preparedMetrics(TENANT, customers), new TribuoLogisticTrainer());
        mapper = JsonMapper.configure(Jackson.newObjectMapper());
    }

    @Benchmark
    public byte[] propensity() throws Exception {
        long started = System.nanoTime();
        PropensityReport report = analytics.propensity(new PropensityQuery(TENANT, DATE, 90, 4, null, null, 20));
        byte[] body = mapper.writeValueAsBytes(PropensityJson.of(report));
        System.out.printf("%n[propensity] %,d ms, %,d of %,d customers sampled for training and holdout%n",
                (System.nanoTime() - started) / 1_000_000, report.sampledCustomers(), report.customers());
        for (PropensityReport.LinePropensity line : report.lines()) {
            if (line.model() != null) {
                System.out.printf("[propensity] %-16s train %,8d rows (%,6d adopters) holdout %,8d  AUC %.4f vs %.4f%n",
                        line.line(), line.trainingRows(), line.trainingAdopters(), line.holdoutRows(),
                        line.model().auc(), line.baseline().auc());
            }
        }
        PropensityReport.Pooled pooled = report.pooled();
        if (pooled.model().auc() != null) {
            System.out.printf("[propensity] pooled %,d rows (%,d adopters) AUC model %.4f popularity %.4f segment %.4f,"
                            + " top-decile lift %.2f / %.2f / %.2f%n", pooled.rows(), pooled.adopters(),
                    pooled.model().auc(), pooled.popularity().auc(), pooled.segmentBaseline().auc(),
                    pooled.model().topDecileLift(), pooled.popularity().topDecileLift(),
                    pooled.segmentBaseline().topDecileLift());
        }
        return body;
    }
}
