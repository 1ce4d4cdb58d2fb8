package io.xsell.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.BasketQuery;
import io.xsell.core.port.in.ChurnRiskQuery;
import io.xsell.core.port.in.CohortRetentionQuery;
import io.xsell.core.port.in.InsightsQuery;
import io.xsell.core.port.in.LifetimeValueQuery;
import io.xsell.core.port.in.ProductsPerCustomerQuery;
import io.xsell.core.port.in.TimeToAdoptionQuery;
import io.xsell.core.service.AnalyticsService;
import io.xsell.server.api.BasketJson;
import io.xsell.server.api.ChurnRiskJson;
import io.xsell.server.api.CohortRetentionJson;
import io.xsell.server.api.InsightsJson;
import io.xsell.server.api.JsonMapper;
import io.xsell.server.api.LifetimeValueJson;
import io.xsell.server.api.ProductsPerCustomerJson;
import io.xsell.server.api.TimeToAdoptionJson;
import io.xsell.server.propensity.TribuoLogisticTrainer;
import java.math.BigDecimal;
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
 * The work of each {@code GET /v1/analytics/...} endpoint but propensity (see
 * {@link PropensityBenchmark}) after the tenant's data is loaded and priced, which the metrics
 * endpoints share: the use case through {@link AnalyticsService} and the rendering of its JSON
 * body with the API's mapper, i.e. what a response-cache miss costs. HTTP, authentication and the
 * data-version lookup are left out ("REST API under load" in docs/performance.md covers them).
 * The dataset stays reachable (CLV reads the catalogue), hence {@code -Xmx4g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AnalyticsEndpointsBenchmark {
    private static final TenantId TENANT = new TenantId("bench");

    @Param({"100000", "1000000"})
    public int customers;

    private AnalyticsService analytics;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void priceLedger() {
        analytics = new AnalyticsService(BenchData.preparedMetrics(TENANT, customers), new TribuoLogisticTrainer());
        mapper = JsonMapper.configure(Jackson.newObjectMapper());
    }

    private byte[] render(Object body) throws Exception {
        return mapper.writeValueAsBytes(body);
    }

    @Benchmark
    public byte[] basket() throws Exception {
        return render(BasketJson.of(analytics.basket(new BasketQuery(TENANT, AnalyticsBenchmark.BASKET_DATE))));
    }

    @Benchmark
    public byte[] timeToAdoption() throws Exception {
        return render(TimeToAdoptionJson.of(null, analytics.timeToAdoption(new TimeToAdoptionQuery(TENANT, null))));
    }

    @Benchmark
    public byte[] churnRisk() throws Exception {
        return render(ChurnRiskJson.of(analytics.churnRisk(new ChurnRiskQuery(TENANT, BenchData.WINDOW))));
    }

    @Benchmark
    public byte[] cohorts() throws Exception {
        return render(CohortRetentionJson.of(analytics.cohortRetention(
                new CohortRetentionQuery(TENANT, AnalyticsBenchmark.COHORT_MONTH))));
    }

    @Benchmark
    public byte[] productsPerCustomer() throws Exception {
        return render(ProductsPerCustomerJson.of(analytics.productsPerCustomer(
                new ProductsPerCustomerQuery(TENANT, BenchData.WINDOW))));
    }

    @Benchmark
    public byte[] clv() throws Exception {
        return render(LifetimeValueJson.of(analytics.lifetimeValue(
                new LifetimeValueQuery(TENANT, BenchData.WINDOW, new BigDecimal("0.80"))), "USD"));
    }

    @Benchmark
    public byte[] insights() throws Exception {
        return render(InsightsJson.of(BenchData.WINDOW, BenchData.SEGMENT_BY, analytics.insights(
                new InsightsQuery(TENANT, BenchData.WINDOW, BenchData.SEGMENT_BY))));
    }

}
