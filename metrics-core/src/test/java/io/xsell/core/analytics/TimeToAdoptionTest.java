package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.analytics.TimeToAdoption.LineAdoption;
import io.xsell.core.mrr.MrrLedger;
import org.junit.jupiter.api.Test;

class TimeToAdoptionTest {

    /**
     * First active day → first cross_sell of the line:
     * a: A Jan 1 2025; B Jan 11 (10 days); C Mar 2 (31 + 28 + 1 = 60 days)
     * b: A Jan 1; B Jan 21 (20 days)
     * d: A Jan 1; B Mar 2 (60 days), dropped Apr 1, back May 1 (second cross_sell ignored)
     * e: A and B both Jan 1: bought at acquisition (new_business), not an adoption
     * f: A Jan 2024 only, back Jan 1 2025 (reactivation), B Jan 2 2025: counted from its first
     *    active day 2024-01-01: 366 (leap year) + 1 = 367 days
     * B: 10, 20, 60, 367 (n = 4)
     *    median h = 3 × 0.5 = 1.5 → 20 + 0.5 × 40 = 40
     *    p25 h = 0.75 → 10 + 0.75 × 10 = 17.5
     *    p75 h = 2.25 → 60 + 0.25 × 307 = 136.75
     * C: 60 alone → 60, 60, 60. A: never cross-sold → 0 customers, nulls.
     */
    @Test
    void daysFromFirstActiveDayToFirstCrossSellPerLine() {
        TimeToAdoption result = TimeToAdoption.of(MrrLedger.of(dataset()
                .holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-01-11")
                .holds("a", "C", "10", "2025-03-02")
                .holds("b", "A", "10", "2025-01-01").holds("b", "B", "10", "2025-01-21")
                .holds("d", "A", "10", "2025-01-01").holds("d", "B", "10", "2025-03-02", "2025-04-01")
                .holds("d", "B", "10", "2025-05-01")
                .holds("e", "A", "10", "2025-01-01").holds("e", "B", "10", "2025-01-01")
                .holds("f", "A", "10", "2024-01-01", "2024-02-01").holds("f", "A", "10", "2025-01-01")
                .holds("f", "B", "10", "2025-01-02")
                .build()));

        assertThat(result.lines()).extracting(LineAdoption::line).containsExactly("A", "B", "C");
        LineAdoption a = result.lines().get(0);
        assertThat(a.customers()).isZero();
        assertThat(a.medianDays()).isNull();
        assertThat(a.p25Days()).isNull();
        assertThat(a.p75Days()).isNull();

        LineAdoption b = result.lines().get(1);
        assertThat(b.customers()).isEqualTo(4);
        assertThat(b.medianDays()).isEqualByComparingTo("40");
        assertThat(b.p25Days()).isEqualByComparingTo("17.5");
        assertThat(b.p75Days()).isEqualByComparingTo("136.75");

        LineAdoption c = result.lines().get(2);
        assertThat(c.customers()).isEqualTo(1);
        assertThat(c.medianDays()).isEqualByComparingTo("60");
        assertThat(c.p25Days()).isEqualByComparingTo("60");
        assertThat(c.p75Days()).isEqualByComparingTo("60");
    }

    /** Two customers adopting on the same day tie: every percentile is that value. */
    @Test
    void tiedAdoptions() {
        TimeToAdoption result = TimeToAdoption.of(MrrLedger.of(dataset()
                .holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-01-08")
                .holds("b", "A", "10", "2025-02-01").holds("b", "B", "10", "2025-02-08")
                .build()));

        LineAdoption b = result.lines().get(1);
        assertThat(b.customers()).isEqualTo(2);
        assertThat(b.p25Days()).isEqualByComparingTo("7");
        assertThat(b.medianDays()).isEqualByComparingTo("7");
        assertThat(b.p75Days()).isEqualByComparingTo("7");
    }

    @Test
    void nobodyEverActive() {
        TimeToAdoption result = TimeToAdoption.of(MrrLedger.of(dataset()
                .holds("a", "A", "0", "2025-01-01").build()));

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.customers()).isZero();
            assertThat(line.medianDays()).isNull();
        });
    }

    /**
     * Windowed: a, adopting B on 2025-01-08, and b on 2025-02-08 (7 days each); c first active
     * 2024-06-01 adopts B on 2025-03-01 (273 days). January to March counts b and c only when the
     * window starts on 02-01: the clock still starts on c's first active day, long before it. The
     * figure of a past window does not change when later adoptions (d in April) arrive.
     */
    @Test
    void aWindowCountsTheAdoptionsInsideIt() {
        var data = dataset()
                .holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-01-08")
                .holds("b", "A", "10", "2025-02-01").holds("b", "B", "10", "2025-02-08")
                .holds("c", "A", "10", "2024-06-01").holds("c", "B", "10", "2025-03-01");
        var window = io.xsell.core.metrics.Window.of("2025-02-01", "2025-04-01");
        LineAdoption b = TimeToAdoption.of(MrrLedger.of(data.build()), window).lines().get(1);
        assertThat(b.customers()).isEqualTo(2);
        assertThat(b.p25Days()).isEqualByComparingTo("73.5"); // 7 + 0.25 x 266
        assertThat(b.medianDays()).isEqualByComparingTo("140");
        assertThat(b.p75Days()).isEqualByComparingTo("206.5");

        LineAdoption later = TimeToAdoption.of(MrrLedger.of(data
                .holds("d", "A", "10", "2025-01-01").holds("d", "B", "10", "2025-04-15").build()), window).lines().get(1);
        assertThat(later).isEqualTo(b);
        assertThat(TimeToAdoption.of(MrrLedger.of(data.build())).lines().get(1).customers()).as("all time").isEqualTo(4);
    }
}
