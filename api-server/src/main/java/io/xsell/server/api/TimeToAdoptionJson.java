package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.TimeToAdoption;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code GET /v1/analytics/time-to-adoption}: days from first active day to cross-sell,
 * per line, for the adoptions inside {@code from}..{@code to} ({@code scope} {@code window}) or over
 * the whole history ({@code all_time}, {@code from} and {@code to} null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TimeToAdoptionJson(String scope, String from, String to, List<Line> lines) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String productLine, long customers, BigDecimal medianDays, BigDecimal p25Days,
                       BigDecimal p75Days) {
    }

    public static TimeToAdoptionJson of(io.xsell.core.metrics.Window window, TimeToAdoption adoption) {
        return new TimeToAdoptionJson(window == null ? "all_time" : "window",
                window == null ? null : window.from().toString(), window == null ? null : window.to().toString(),
                adoption.lines().stream().map(l -> new Line(l.line(), l.customers(),
                present(l.medianDays()), present(l.p25Days()), present(l.p75Days()))).toList());
    }
}
