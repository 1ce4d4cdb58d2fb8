package io.xsell.core.metrics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PenetrationCalculatorTest {

    @Test
    void countsHoldersDistributionAndProductsPerCustomer() {
        MrrLedger ledger = MrrLedger.of(dataset()
                .holds("a", "A", "100", "2025-01-01").holds("a", "B", "10", "2025-01-01")
                .holds("a", "C", "10", "2025-01-01").holds("a", "D", "10", "2025-01-01").holds("a", "E", "5", "2025-01-01")
                .holds("b", "A", "100", "2025-01-01").holds("b", "B", "10", "2025-01-01")
                .holds("c", "A", "100", "2025-01-01")
                .holds("d", "A", "100", "2024-01-01", "2025-01-01")
                .holds("e", "B", "0", "2025-01-01").build());

        PenetrationReport report = PenetrationCalculator.on(ledger, LocalDate.parse("2025-06-30"));

        assertThat(report.activeCustomers()).isEqualTo(3);
        assertThat(report.distribution()).containsExactly(1L, 1L, 0L, 1L);
        assertThat(Decimals.present(report.productsPerCustomer())).isEqualByComparingTo("2.67");
        assertThat(report.lines().get(0).productLine()).isEqualTo("A");
        assertThat(report.lines().get(0).penetrationPct()).isEqualByComparingTo("100");
        assertThat(report.lines().get(1).productLine()).isEqualTo("B");
        assertThat(Decimals.present(report.lines().get(1).penetrationPct())).isEqualByComparingTo("66.67");
    }

    @Test
    void nobodyActiveGivesNullRatios() {
        PenetrationReport report = PenetrationCalculator.on(MrrLedger.of(dataset().holds("a", "A", "1", "2025-01-01").build()),
                LocalDate.parse("2024-06-30"));
        assertThat(report.activeCustomers()).isZero();
        assertThat(report.productsPerCustomer()).isNull();
        assertThat(report.lines()).allSatisfy(l -> assertThat(l.penetrationPct()).isNull());
        assertThat(report.distribution()).containsOnly(0L);
    }
}
