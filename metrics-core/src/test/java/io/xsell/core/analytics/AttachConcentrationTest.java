package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import org.junit.jupiter.api.Test;

class AttachConcentrationTest {
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static AttachConcentration concentration(TenantDatasetFixture data) {
        return AttachConcentration.of(MrrLedger.of(data.build()), YEAR_2025);
    }

    /*
     * 11 attaching customers in 2025: k1 makes 3 attaches, k2 and k3 two each, k4..k11 one each.
     * Total 3 + 2 + 2 + 8 = 15. Top 10 % = ceil(1.1) = 2 customers: k1 and one of k2/k3 (tied at
     * the cut; either gives the same sum) = 3 + 2 = 5 attaches; share 5 / 15 = 33.33 %.
     * o1 cross-sold in 2024 (outside the window) and n1 never did: neither counts.
     */
    @Test
    void topTenPercentShareByHand() {
        TenantDatasetFixture data = dataset()
                .holds("k1", "core", "100", "2024-01-01").holds("k1", "X1", "10", "2025-02-01")
                .holds("k1", "X2", "10", "2025-03-01").holds("k1", "X3", "10", "2025-04-01")
                .holds("k2", "core", "100", "2024-01-01").holds("k2", "X1", "10", "2025-02-01")
                .holds("k2", "X2", "10", "2025-02-01")
                .holds("k3", "core", "100", "2024-01-01").holds("k3", "X1", "10", "2025-05-01")
                .holds("k3", "X2", "10", "2025-06-01")
                .holds("o1", "core", "100", "2024-01-01").holds("o1", "X1", "10", "2024-06-01")
                .holds("n1", "core", "100", "2024-01-01");
        for (int i = 4; i <= 11; i++) {
            data.holds("k" + i, "core", "100", "2024-01-01").holds("k" + i, "X1", "10", "2025-07-01");
        }

        AttachConcentration c = concentration(data);

        assertThat(c.window()).isEqualTo(YEAR_2025);
        assertThat(c.attachingCustomers()).isEqualTo(11);
        assertThat(c.attaches()).isEqualTo(15);
        assertThat(c.topCustomers()).isEqualTo(2);
        assertThat(c.topAttaches()).isEqualTo(5);
        assertThat(Decimals.present(c.topShareOfAttachesPct())).isEqualByComparingTo("33.33");
    }

    @Test
    void oneAttachingCustomerIsItsOwnTopTenPercent() {
        // ceil(0.10 × 1) = 1: the only attaching customer makes 100 % of the attaches
        AttachConcentration c = concentration(dataset()
                .holds("k1", "core", "100", "2024-01-01").holds("k1", "X1", "10", "2025-02-01")
                .holds("n1", "core", "100", "2024-01-01"));

        assertThat(c.topCustomers()).isEqualTo(1);
        assertThat(c.topShareOfAttachesPct()).isEqualByComparingTo("100");
    }

    @Test
    void noAttachGivesNullShare() {
        AttachConcentration c = concentration(dataset().holds("n1", "core", "100", "2024-01-01"));

        assertThat(c.attachingCustomers()).isZero();
        assertThat(c.attaches()).isZero();
        assertThat(c.topCustomers()).isZero();
        assertThat(c.topAttaches()).isZero();
        assertThat(c.topShareOfAttachesPct()).isNull();
    }
}
