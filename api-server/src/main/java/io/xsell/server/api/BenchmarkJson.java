package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.benchmark.BenchmarkStage;
import java.math.BigDecimal;
import java.util.List;

/**
 * The benchmark reading: {@code healthy_range_pct} is {@code [low, high]} of the stage's healthy
 * annual cross-sell rate; {@code top_quartile_pct} is null for single-product companies.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BenchmarkJson(String stage, List<BigDecimal> healthyRangePct, BigDecimal topQuartilePct, String verdict) {

    public static BenchmarkJson of(Benchmark benchmark) {
        BenchmarkStage stage = benchmark.stage();
        if (stage == null) {
            return new BenchmarkJson(null, null, null, null);
        }
        return new BenchmarkJson(stage.code(), List.of(stage.healthyLowPct(), stage.healthyHighPct()),
                stage.topQuartilePct(), benchmark.verdict() == null ? null : benchmark.verdict().code());
    }
}
