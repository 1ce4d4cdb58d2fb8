package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.analytics.LifetimeValue.Figures;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeValueTest {
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static BigDecimal cents(BigDecimal value) {
        return Decimals.present(value);
    }

    private static Product product(String id, String line, LineKind kind, String margin) {
        return new Product(id, null, line, kind, margin == null ? null : new BigDecimal(margin));
    }

    /*
     * Window 2025 (365 days -> 12 window months). Start state 2024-12-31, end state 2025-12-31.
     * Line margins: core 0.90; b 0.70 (B1 and B2 agree); c 0.80 (C1 0.60 and C2 0.50 disagree ->
     * default); d 0.80 (no product sets one -> default).
     *
     *       start lines  end            end MRR  margin × MRR
     * u1    1 (core)     single         100      90
     * u2    1 (core)     churned 07-01   -        -
     * u3    2 (core, b)  multi          150      90 + 35 = 125
     * u4    2 (core, c)  churned 04-01   -        -
     * u5    1 (core)     multi (+d)     200      90 + 80 = 170
     * u6    0 (new)      single (c)     300      240
     * u7    1 (b)        single         100      70    (gone Feb..Sep, back in Oct: not churned)
     *
     * single: starting 4 (u1 u2 u5 u7), churned 1; ending 3 (u1 u6 u7), MRR 500, margin MRR 400
     *   ARPA 500/3 = 166.67; margin 0.8; churn 1/4/12 = 1/48 = 0.0208; lifetime 48;
     *   CLV 500/3 × 0.8 × 48 = 6400
     * multi:  starting 2 (u3 u4), churned 1; ending 2 (u3 u5), MRR 350, margin MRR 295
     *   ARPA 175; margin 295/350 = 0.8429; churn 1/2/12 = 1/24; lifetime 24; CLV 175 × 295/350 × 24 = 3540
     * overall: starting 6, churned 2; ending 5, MRR 850, margin MRR 695
     *   ARPA 170; margin 695/850 = 0.8176; churn 2/6/12 = 1/36; lifetime 36; CLV 170 × 695/850 × 36 = 5004
     */
    @Test
    void clvByHand() {
        List<Product> products = List.of(product("core", "core", LineKind.CORE, "0.90"),
                product("B1", "b", LineKind.MODULE, "0.70"), product("B2", "b", LineKind.MODULE, "0.7"),
                product("C1", "c", LineKind.MODULE, "0.60"), product("C2", "c", LineKind.MODULE, "0.50"),
                product("D", "d", LineKind.ADD_ON, null));
        TenantDatasetFixture data = dataset().product("core", "core", LineKind.CORE)
                .product("B1", "b", LineKind.MODULE).product("B2", "b", LineKind.MODULE)
                .product("C1", "c", LineKind.MODULE).product("C2", "c", LineKind.MODULE)
                .product("D", "d", LineKind.ADD_ON)
                .holds("u1", "core", "100", "2024-01-01")
                .holds("u2", "core", "200", "2024-01-01", "2025-07-01")
                .holds("u3", "core", "100", "2024-01-01").holds("u3", "B1", "50", "2024-01-01")
                .holds("u4", "core", "100", "2024-01-01", "2025-04-01").holds("u4", "C1", "100", "2024-01-01", "2025-04-01")
                .holds("u5", "core", "100", "2024-01-01").holds("u5", "D", "100", "2025-06-01")
                .holds("u6", "C2", "300", "2025-03-01")
                .holds("u7", "B2", "100", "2024-01-01", "2025-02-01").holds("u7", "B2", "100", "2025-10-01");

        LifetimeValue clv = LifetimeValue.of(MrrLedger.of(data.build()), products, YEAR_2025,
                LifetimeValue.DEFAULT_GROSS_MARGIN);

        assertThat(clv.windowMonths()).isEqualByComparingTo("12");
        assertThat(clv.grossMarginByLine()).containsOnlyKeys("b", "c", "core", "d");
        assertThat(clv.grossMarginByLine().get("core")).isEqualByComparingTo("0.90");
        assertThat(clv.grossMarginByLine().get("b")).isEqualByComparingTo("0.70");
        assertThat(clv.grossMarginByLine().get("c")).isEqualByComparingTo("0.80");
        assertThat(clv.grossMarginByLine().get("d")).isEqualByComparingTo("0.80");

        Figures single = clv.singleLine();
        assertThat(single.startingCustomers()).isEqualTo(4);
        assertThat(single.churnedCustomers()).isEqualTo(1);
        assertThat(single.endingCustomers()).isEqualTo(3);
        assertThat(single.endingMrr()).isEqualByComparingTo("500");
        assertThat(cents(single.arpa())).isEqualByComparingTo("166.67");
        assertThat(single.grossMargin()).isEqualByComparingTo("0.8");
        assertThat(single.monthlyChurnRate()).isEqualByComparingTo(BigDecimal.ONE.divide(BigDecimal.valueOf(48), Decimals.MC));
        assertThat(single.lifetimeMonths()).isEqualByComparingTo("48");
        assertThat(cents(single.clv())).isEqualByComparingTo("6400.00");

        Figures multi = clv.multiLine();
        assertThat(multi.startingCustomers()).isEqualTo(2);
        assertThat(multi.churnedCustomers()).isEqualTo(1);
        assertThat(multi.endingCustomers()).isEqualTo(2);
        assertThat(multi.endingMrr()).isEqualByComparingTo("350");
        assertThat(multi.arpa()).isEqualByComparingTo("175");
        assertThat(cents(multi.grossMargin())).isEqualByComparingTo("0.84");
        assertThat(multi.lifetimeMonths()).isEqualByComparingTo("24");
        assertThat(cents(multi.clv())).isEqualByComparingTo("3540.00");

        Figures overall = clv.overall();
        assertThat(overall.startingCustomers()).isEqualTo(6);
        assertThat(overall.churnedCustomers()).isEqualTo(2);
        assertThat(overall.endingCustomers()).isEqualTo(5);
        assertThat(overall.endingMrr()).isEqualByComparingTo("850");
        assertThat(overall.arpa()).isEqualByComparingTo("170");
        assertThat(cents(overall.grossMargin())).isEqualByComparingTo("0.82");
        assertThat(overall.lifetimeMonths()).isEqualByComparingTo("36");
        assertThat(cents(overall.clv())).isEqualByComparingTo("5004.00");
    }

    /*
     * Window [2025-01-01, 2025-04-01): 90 days -> 90 × 12 / 365 = 2.96 window months.
     * u1 holds core (no margin set -> default 0.80) all along: nobody churns, so the churn rate
     * is 0 and lifetime and CLV are null. ARPA 100, margin 0.80. Nobody is multi-line: all null.
     */
    @Test
    void zeroChurnGivesNullLifetime() {
        TenantDataset data = dataset().holds("u1", "core", "100", "2024-01-01").build();
        Window quarter = Window.of("2025-01-01", "2025-04-01");

        LifetimeValue clv = LifetimeValue.of(MrrLedger.of(data), data, quarter, LifetimeValue.DEFAULT_GROSS_MARGIN);

        assertThat(clv.windowMonths()).isEqualByComparingTo(
                BigDecimal.valueOf(1080).divide(BigDecimal.valueOf(365), Decimals.MC));
        Figures overall = clv.overall();
        assertThat(overall.arpa()).isEqualByComparingTo("100");
        assertThat(overall.grossMargin()).isEqualByComparingTo("0.80");
        assertThat(overall.monthlyChurnRate()).isEqualByComparingTo("0");
        assertThat(overall.lifetimeMonths()).isNull();
        assertThat(overall.clv()).isNull();

        Figures multi = clv.multiLine();
        assertThat(multi.startingCustomers()).isZero();
        assertThat(multi.endingCustomers()).isZero();
        assertThat(multi.endingMrr()).isEqualByComparingTo("0");
        assertThat(multi.arpa()).isNull();
        assertThat(multi.grossMargin()).isNull();
        assertThat(multi.monthlyChurnRate()).isNull();
        assertThat(multi.lifetimeMonths()).isNull();
        assertThat(multi.clv()).isNull();
    }

    /* Everybody churns: 1 of 1 over 12 months -> rate 1/12, lifetime 12; no ending customer -> ARPA, CLV null. */
    @Test
    void everybodyChurnedHasLifetimeButNoArpa() {
        TenantDataset data = dataset().holds("u1", "core", "100", "2024-01-01", "2025-05-01").build();

        Figures overall = LifetimeValue.of(MrrLedger.of(data), data, YEAR_2025, LifetimeValue.DEFAULT_GROSS_MARGIN)
                .overall();

        assertThat(overall.lifetimeMonths()).isEqualByComparingTo("12");
        assertThat(overall.arpa()).isNull();
        assertThat(overall.clv()).isNull();
    }

    @Test
    void defaultMarginMustBeAFraction() {
        TenantDataset data = dataset().holds("u1", "core", "100", "2024-01-01").build();

        assertThatThrownBy(() -> LifetimeValue.of(MrrLedger.of(data), data, YEAR_2025, new BigDecimal("80")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
