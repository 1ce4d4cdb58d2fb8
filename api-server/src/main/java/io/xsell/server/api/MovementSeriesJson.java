package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.PeriodMovements;
import io.xsell.core.metrics.Window;
import io.xsell.core.movement.MovementType;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/metrics/movements}: one entry per calendar period of the window. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MovementSeriesJson(String from, String to, String currency, String granularity, List<Period> periods) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Period(String from, String to, BigDecimal startingMrr, BigDecimal endingMrr,
                         BigDecimal newBusinessMrr, BigDecimal reactivationMrr, BigDecimal crossSellMrr,
                         BigDecimal upsellMrr, BigDecimal contractionMrr, BigDecimal lineChurnMrr,
                         BigDecimal churnMrr, BigDecimal netMrrChange) {

        static Period of(PeriodMovements p) {
            return new Period(p.period().from().toString(), p.period().to().toString(), present(p.startingMrr()),
                    present(p.endingMrr()), present(p.movements().get(MovementType.NEW_BUSINESS)),
                    present(p.movements().get(MovementType.REACTIVATION)),
                    present(p.movements().get(MovementType.CROSS_SELL)), present(p.movements().get(MovementType.UPSELL)),
                    present(p.movements().get(MovementType.CONTRACTION)),
                    present(p.movements().get(MovementType.LINE_CHURN)), present(p.movements().get(MovementType.CHURN)),
                    present(p.endingMrr().subtract(p.startingMrr())));
        }
    }

    public static MovementSeriesJson of(Window window, String currency, String granularity, List<PeriodMovements> periods) {
        return new MovementSeriesJson(window.from().toString(), window.to().toString(), currency, granularity,
                periods.stream().map(Period::of).toList());
    }
}
