package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;
import static io.xsell.server.api.Ratios.fraction;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.LifetimeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code GET /v1/analytics/clv}: ARPA x gross margin x lifetime, overall, single- and multi-line. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LifetimeValueJson(String from, String to, String currency, BigDecimal windowMonths,
                                BigDecimal defaultGrossMargin, Map<String, BigDecimal> grossMarginByLine,
                                Figures overall, Figures singleLine, Figures multiLine) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Figures(int startingCustomers, int churnedCustomers, int endingCustomers, BigDecimal endingMrr,
                          BigDecimal arpa, BigDecimal grossMargin, BigDecimal monthlyChurnRate,
                          BigDecimal lifetimeMonths, BigDecimal clv) {
        static Figures of(LifetimeValue.Figures f) {
            return new Figures(f.startingCustomers(), f.churnedCustomers(), f.endingCustomers(), present(f.endingMrr()),
                    present(f.arpa()), fraction(f.grossMargin()), fraction(f.monthlyChurnRate()),
                    present(f.lifetimeMonths()), present(f.clv()));
        }
    }

    public static LifetimeValueJson of(LifetimeValue clv, String currency) {
        Map<String, BigDecimal> margins = new LinkedHashMap<>();
        clv.grossMarginByLine().forEach((line, margin) -> margins.put(line, fraction(margin)));
        return new LifetimeValueJson(clv.window().from().toString(), clv.window().to().toString(), currency,
                present(clv.windowMonths()), fraction(clv.defaultGrossMargin()), margins, Figures.of(clv.overall()),
                Figures.of(clv.singleLine()), Figures.of(clv.multiLine()));
    }
}
