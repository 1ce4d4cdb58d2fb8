package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.analytics.ProductsPerCustomerTrajectory.Month;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProductsPerCustomerTrajectoryTest {

    /*
     * Window [2025-01-15, 2025-04-01): months end on 01-31 (clipped first month), 02-28, 03-31.
     *
     *        01-31  02-28  03-31
     * p1       1      1      1     A since 2024
     * p2       2      3      3     A, B since 2024; C from 02-10
     * p3       4      4      5     A..D since 2024; E from 03-01
     * p4       0      1      0     A over [02-01, 03-15)
     *
     * 01-31: active 3, lines 7, ppc 7/3 = 2.33; 1:1 2:1 3:0 4+:1
     * 02-28: active 4, lines 9, ppc 9/4 = 2.25; 1:2 2:0 3:1 4+:1 (50 %, 0 %, 25 %, 25 %)
     * 03-31: active 3, lines 9, ppc 3;         1:1 2:0 3:1 4+:1
     */
    @Test
    void monthByMonthByHand() {
        TenantDatasetFixture data = dataset()
                .holds("p1", "A", "10", "2024-01-01")
                .holds("p2", "A", "10", "2024-01-01").holds("p2", "B", "10", "2024-01-01")
                .holds("p2", "C", "10", "2025-02-10")
                .holds("p3", "A", "10", "2024-01-01").holds("p3", "B", "10", "2024-01-01")
                .holds("p3", "C", "10", "2024-01-01").holds("p3", "D", "10", "2024-01-01")
                .holds("p3", "E", "10", "2025-03-01")
                .holds("p4", "A", "10", "2025-02-01", "2025-03-15");

        ProductsPerCustomerTrajectory t =
                ProductsPerCustomerTrajectory.of(MrrLedger.of(data.build()), Window.of("2025-01-15", "2025-04-01"));

        assertThat(t.months()).hasSize(3);
        Month jan = t.months().get(0);
        assertThat(jan.period()).isEqualTo(Window.of("2025-01-15", "2025-02-01"));
        assertThat(jan.day()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(jan.activeCustomers()).isEqualTo(3);
        assertThat(jan.linesHeld()).isEqualTo(7);
        assertThat(Decimals.present(jan.productsPerCustomer())).isEqualByComparingTo("2.33");
        assertThat(new int[] {jan.holdingOne(), jan.holdingTwo(), jan.holdingThree(), jan.holdingFourOrMore()})
                .containsExactly(1, 1, 0, 1);

        Month feb = t.months().get(1);
        assertThat(feb.day()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(feb.activeCustomers()).isEqualTo(4);
        assertThat(feb.linesHeld()).isEqualTo(9);
        assertThat(feb.productsPerCustomer()).isEqualByComparingTo("2.25");
        assertThat(new int[] {feb.holdingOne(), feb.holdingTwo(), feb.holdingThree(), feb.holdingFourOrMore()})
                .containsExactly(2, 0, 1, 1);
        assertThat(feb.holdingOnePct()).isEqualByComparingTo("50");
        assertThat(feb.holdingTwoPct()).isEqualByComparingTo("0");
        assertThat(feb.holdingThreePct()).isEqualByComparingTo("25");
        assertThat(feb.holdingFourOrMorePct()).isEqualByComparingTo("25");

        Month mar = t.months().get(2);
        assertThat(mar.day()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(mar.activeCustomers()).isEqualTo(3);
        assertThat(mar.productsPerCustomer()).isEqualByComparingTo("3");
        assertThat(new int[] {mar.holdingOne(), mar.holdingTwo(), mar.holdingThree(), mar.holdingFourOrMore()})
                .containsExactly(1, 0, 1, 1);
    }

    @Test
    void monthWithNoActiveCustomerHasNullRatios() {
        TenantDatasetFixture data = dataset().holds("p1", "A", "10", "2025-06-01");

        ProductsPerCustomerTrajectory t =
                ProductsPerCustomerTrajectory.of(MrrLedger.of(data.build()), Window.of("2025-01-01", "2025-02-01"));

        Month jan = t.months().get(0);
        assertThat(jan.activeCustomers()).isZero();
        assertThat(jan.linesHeld()).isZero();
        assertThat(jan.productsPerCustomer()).isNull();
        assertThat(jan.holdingOnePct()).isNull();
        assertThat(jan.holdingFourOrMorePct()).isNull();
    }
}
