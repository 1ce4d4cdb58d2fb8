package io.xsell.core.metrics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovementSeriesCalculatorTest {

    @Test
    void periodsFollowCalendarBoundariesAndAreClippedToTheWindow() {
        assertThat(MovementSeriesCalculator.periods(Window.of("2025-01-15", "2025-04-10"), Granularity.MONTH))
                .containsExactly(Window.of("2025-01-15", "2025-02-01"), Window.of("2025-02-01", "2025-03-01"),
                        Window.of("2025-03-01", "2025-04-01"), Window.of("2025-04-01", "2025-04-10"));
        assertThat(MovementSeriesCalculator.periods(Window.of("2025-02-10", "2025-08-01"), Granularity.QUARTER))
                .containsExactly(Window.of("2025-02-10", "2025-04-01"), Window.of("2025-04-01", "2025-07-01"),
                        Window.of("2025-07-01", "2025-08-01"));
        // 2025-01-01 is a Wednesday; ISO weeks start on Monday
        assertThat(MovementSeriesCalculator.periods(Window.of("2025-01-01", "2025-01-14"), Granularity.WEEK))
                .containsExactly(Window.of("2025-01-01", "2025-01-06"), Window.of("2025-01-06", "2025-01-13"),
                        Window.of("2025-01-13", "2025-01-14"));
        assertThat(MovementSeriesCalculator.periods(Window.of("2024-06-01", "2026-01-01"), Granularity.YEAR))
                .containsExactly(Window.of("2024-06-01", "2025-01-01"), Window.of("2025-01-01", "2026-01-01"));
    }

    @Test
    void eachMonthCarriesItsMovementsAndChainsItsMrr() {
        MrrLedger ledger = MrrLedger.of(dataset()
                .holds("a", "A", "100", "2024-12-01").holds("a", "B", "20", "2025-02-10")
                .holds("b", "A", "50", "2025-01-20", "2025-03-05").build());

        List<PeriodMovements> series = MovementSeriesCalculator.series(ledger, Window.of("2025-01-01", "2025-04-01"),
                Granularity.MONTH);

        assertThat(series).hasSize(3);
        assertThat(series.get(0).startingMrr()).isEqualByComparingTo("100");
        assertThat(series.get(0).movements().get(MovementType.NEW_BUSINESS)).isEqualByComparingTo("50");
        assertThat(series.get(0).endingMrr()).isEqualByComparingTo("150");
        assertThat(series.get(1).movements().get(MovementType.CROSS_SELL)).isEqualByComparingTo("20");
        assertThat(series.get(1).endingMrr()).isEqualByComparingTo("170");
        assertThat(series.get(2).movements().get(MovementType.CHURN)).isEqualByComparingTo("-50");
        assertThat(series.get(2).endingMrr()).isEqualByComparingTo("120");
        for (PeriodMovements period : series) {
            BigDecimal sum = period.movements().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(period.endingMrr()).isEqualByComparingTo(period.startingMrr().add(sum));
        }
    }
}
