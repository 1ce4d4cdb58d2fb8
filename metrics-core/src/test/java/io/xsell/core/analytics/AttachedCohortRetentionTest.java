package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.analytics.AttachedCohortRetention.Point;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.LineKind;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AttachedCohortRetentionTest {
    private static final YearMonth MARCH_2025 = YearMonth.of(2025, 3);

    private static AttachedCohortRetention retention(TenantDatasetFixture data, YearMonth month) {
        return AttachedCohortRetention.of(MrrLedger.of(data.build()), month);
    }

    private static BigDecimal cents(BigDecimal value) {
        return Decimals.present(value);
    }

    /*
     * Cohort month March 2025 (last day 2025-03-31); point k is measured on the last day of March + k.
     *
     * a1: core since 2024, cross-sells B on 03-10, B ends 06-15      -> attached, lines {B}
     * a2: core since 2024, cross-sells C on 03-05, all ends 05-20    -> attached, lines {C}
     * a3: core since 2024, cross-sells B on 03-01 and C on 03-20,
     *     C ends 04-10                                               -> attached, lines {B, C}
     * s1: core since 2024, ends 09-15                                -> single-line
     * s2: core from 03-31 (new business on the last day)             -> single-line
     * s3: core since 2024, cross-sells B in April                    -> single-line (no cross-sell in March)
     * x1: core + B since 2024 (two lines, no cross-sell)             -> neither
     * x2: core since 2024, ends 03-15 (inactive on 03-31)            -> neither
     * x3: core + B both new on 03-10 (new business, not cross-sell)  -> neither
     * z:  core from 2026-03-31, the data's last day (after March)    -> neither; the data reaches every point
     *
     * Attached (3):
     *   logo:  k=1 (04-30) a1 a2 a3 = 3/3 = 100 %; k>=2 a2 gone: 2/3 = 66.67 %
     *   lines: k=1 a1 (B) and a2 (C) hold theirs, a3 lost C: 2/3 = 66.67 %
     *          k=2 (05-31) a1 only: 1/3 = 33.33 %; k>=3 (06-30) B gone for a1: 0 %
     * Single-line (3):
     *   logo:  k=1..5 (up to 08-31) 3/3 = 100 %; k>=6 (09-30) s1 gone: 2/3 = 66.67 %
     */
    @Test
    void cohortsAndRetentionByHand() {
        TenantDatasetFixture data = dataset().product("core", "core", LineKind.CORE)
                .product("B", "b", LineKind.MODULE).product("C", "c", LineKind.MODULE)
                .holds("a1", "core", "100", "2024-01-01").holds("a1", "B", "50", "2025-03-10", "2025-06-15")
                .holds("a2", "core", "100", "2024-01-01", "2025-05-20").holds("a2", "C", "30", "2025-03-05", "2025-05-20")
                .holds("a3", "core", "100", "2024-01-01").holds("a3", "B", "20", "2025-03-01")
                .holds("a3", "C", "20", "2025-03-20", "2025-04-10")
                .holds("s1", "core", "100", "2024-01-01", "2025-09-15")
                .holds("s2", "core", "100", "2025-03-31")
                .holds("s3", "core", "100", "2024-01-01").holds("s3", "B", "10", "2025-04-01")
                .holds("x1", "core", "100", "2024-01-01").holds("x1", "B", "10", "2024-01-01")
                .holds("x2", "core", "100", "2024-01-01", "2025-03-15")
                .holds("x3", "core", "100", "2025-03-10").holds("x3", "B", "10", "2025-03-10")
                .holds("z", "core", "100", "2026-03-31");

        AttachedCohortRetention r = retention(data, MARCH_2025);

        assertThat(r.month()).isEqualTo(MARCH_2025);
        assertThat(r.attachedCustomers()).isEqualTo(3);
        assertThat(r.singleLineCustomers()).isEqualTo(3);
        assertThat(r.points()).hasSize(12);

        Point first = r.points().get(0);
        assertThat(first.monthsAfter()).isEqualTo(1);
        assertThat(first.day()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(first.attachedLogoRetentionPct()).isEqualByComparingTo("100");
        assertThat(cents(first.attachedLineRetentionPct())).isEqualByComparingTo("66.67");
        assertThat(first.singleLineLogoRetentionPct()).isEqualByComparingTo("100");

        Point second = r.points().get(1);
        assertThat(cents(second.attachedLogoRetentionPct())).isEqualByComparingTo("66.67");
        assertThat(cents(second.attachedLineRetentionPct())).isEqualByComparingTo("33.33");

        Point third = r.points().get(2);
        assertThat(third.attachedLineRetentionPct()).isEqualByComparingTo("0");

        assertThat(r.points().get(4).singleLineLogoRetentionPct()).isEqualByComparingTo("100");
        assertThat(cents(r.points().get(5).singleLineLogoRetentionPct())).isEqualByComparingTo("66.67");

        // months past the data's last day are computed from what the data says (open items still earn)
        Point last = r.points().get(11);
        assertThat(last.monthsAfter()).isEqualTo(12);
        assertThat(last.day()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(cents(last.attachedLogoRetentionPct())).isEqualByComparingTo("66.67");
        assertThat(last.attachedLineRetentionPct()).isEqualByComparingTo("0");
        assertThat(cents(last.singleLineLogoRetentionPct())).isEqualByComparingTo("66.67");
    }

    @Test
    void emptyCohortsGiveNulls() {
        // x1 holds two lines and cross-sold nothing in March: in neither cohort
        TenantDatasetFixture data = dataset()
                .holds("x1", "core", "100", "2024-01-01").holds("x1", "B", "10", "2024-01-01");

        AttachedCohortRetention r = retention(data, MARCH_2025);

        assertThat(r.attachedCustomers()).isZero();
        assertThat(r.singleLineCustomers()).isZero();
        assertThat(r.points()).hasSize(12).allSatisfy(p -> {
            assertThat(p.attachedLogoRetentionPct()).isNull();
            assertThat(p.attachedLineRetentionPct()).isNull();
            assertThat(p.singleLineLogoRetentionPct()).isNull();
        });
    }

    @Test
    void onlyOneCohortEmpty() {
        // one single-line customer, no attach: the attached side is null, the single side is not
        AttachedCohortRetention r = retention(dataset().holds("s", "core", "100", "2024-01-01")
                .holds("z", "core", "100", "2026-03-31"), MARCH_2025);

        assertThat(r.attachedCustomers()).isZero();
        assertThat(r.singleLineCustomers()).isEqualTo(1);
        assertThat(r.points().get(0).attachedLogoRetentionPct()).isNull();
        assertThat(r.points().get(0).singleLineLogoRetentionPct()).isEqualByComparingTo("100");
    }

    /** Callers that compute several analytics in one pass (the insights) feed tallies themselves. */
    @Test
    void talliesFedCustomerByCustomerAndMergedGiveTheRetention() {
        MrrLedger ledger = MrrLedger.of(dataset().product("core", "core", LineKind.CORE)
                .product("B", "b", LineKind.MODULE)
                .holds("a1", "core", "100", "2024-01-01").holds("a1", "B", "50", "2025-03-10", "2025-06-15")
                .holds("s1", "core", "100", "2024-01-01", "2025-09-15")
                .holds("s2", "core", "100", "2024-01-01").holds("z", "core", "100", "2026-03-31").build());
        AttachedCohortRetention.Tally first = AttachedCohortRetention.tally(ledger, MARCH_2025);
        AttachedCohortRetention.Tally second = AttachedCohortRetention.tally(ledger, MARCH_2025);
        first.add(ledger.timeline(0), ledger.items(0), ledger.charges(0));
        second.add(ledger.timeline(1), ledger.items(1), ledger.charges(1));
        second.add(ledger.timeline(2), ledger.items(2), ledger.charges(2));
        second.add(ledger.timeline(3), ledger.items(3), ledger.charges(3));

        AttachedCohortRetention merged = first.merge(second).result();

        assertThat(merged).isEqualTo(AttachedCohortRetention.of(ledger, MARCH_2025));
        assertThat(merged.attachedCustomers()).isEqualTo(1);
        assertThat(merged.singleLineCustomers()).isEqualTo(2);
        assertThat(cents(merged.points().get(5).singleLineLogoRetentionPct())).isEqualByComparingTo("50.00");
    }

    /**
     * The data's last day is its latest item start or charge (here s2's start, 2025-07-01): points
     * measured after it are null, not a flat copy of the last known state. Counts are 0 there.
     */
    @Test
    void pointsAfterTheDataLastDayAreNull() {
        AttachedCohortRetention r = retention(dataset()
                .holds("a1", "core", "100", "2024-01-01").holds("a1", "B", "50", "2025-03-10")
                .holds("s1", "core", "100", "2024-01-01").holds("s2", "core", "100", "2025-07-01"), MARCH_2025);

        // k = 1..3 end on 04-30, 05-31, 06-30, on or before 07-01; k = 4 ends 07-31, after it
        assertThat(r.points().subList(0, 3)).allSatisfy(p -> {
            assertThat(p.attachedLogoRetentionPct()).isEqualByComparingTo("100");
            assertThat(p.singleLineLogoRetentionPct()).isEqualByComparingTo("100");
        });
        assertThat(r.points().subList(3, 12)).allSatisfy(p -> {
            assertThat(p.attachedLogoRetentionPct()).isNull();
            assertThat(p.attachedLineRetentionPct()).isNull();
            assertThat(p.singleLineLogoRetentionPct()).isNull();
            assertThat(p.attachedActive()).isZero();
        });
    }
}
