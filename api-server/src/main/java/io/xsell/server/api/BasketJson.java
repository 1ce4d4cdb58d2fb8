package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;
import static io.xsell.server.api.Ratios.fraction;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.BasketAnalysis;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/analytics/basket}: line pairs held together on a date, and adoption sequences. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BasketJson(String date, long activeCustomers, List<Pair> pairs, List<Sequence> sequences) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pair(String lineA, String lineB, long holdersA, long holdersB, long holdersBoth, BigDecimal support,
                       @JsonProperty("confidence_a_to_b") BigDecimal confidenceAToB,
                       @JsonProperty("confidence_b_to_a") BigDecimal confidenceBToA, BigDecimal lift) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sequence(String firstLine, String secondLine, boolean boughtTogether, long customers,
                           BigDecimal medianDaysBetween) {
    }

    public static BasketJson of(BasketAnalysis basket) {
        return new BasketJson(basket.date().toString(), basket.activeCustomers(),
                basket.pairs().stream().map(p -> new Pair(p.lineA(), p.lineB(), p.holdersA(), p.holdersB(),
                        p.holdersBoth(), fraction(p.support()), fraction(p.confidenceAToB()),
                        fraction(p.confidenceBToA()), fraction(p.lift()))).toList(),
                basket.sequences().stream().map(s -> new Sequence(s.firstLine(), s.secondLine(), s.boughtTogether(), s.customers(),
                        present(s.medianDaysBetween()))).toList());
    }
}
