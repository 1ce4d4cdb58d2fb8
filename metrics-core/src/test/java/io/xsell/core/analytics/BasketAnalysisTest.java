package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xsell.core.analytics.BasketAnalysis.AdoptionSequence;
import io.xsell.core.analytics.BasketAnalysis.LinePair;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BasketAnalysisTest {
    private static final LocalDate JUNE_1 = LocalDate.parse("2025-06-01");

    private static BasketAnalysis basket(TenantDatasetFixture data, LocalDate date) {
        return BasketAnalysis.on(MrrLedger.of(data.build()), date);
    }

    /**
     * On 2025-06-01:
     * a holds A, B (A from Jan 1, B from Mar 1: sequence A→B after 59 days)
     * b holds A, B, C (A and B both from Jan 1: bought together, no order; C later)
     * c holds A, B (B from Jan 1, A from Jan 11: sequence B→A after 10 days)
     * d holds A only (no second line, no sequence)
     * e holds A only (C Jan 1 to May 1, A from Feb 1: sequence C→A after 31 days)
     * f is gone (B during 2024 only; one line, no sequence)
     * g is gone (A Jan 1, B Jan 21, both end Apr 1: sequence A→B after 20 days)
     * Active 5; holders A 5, B 3, C 1.
     * A,B: both 3 → support 3/5 = 0.6, conf A→B 3/5 = 0.6, B→A 3/3 = 1, lift 3×5/(5×3) = 1
     * A,C: both 1 → support 0.2, conf A→C 1/5 = 0.2, C→A 1, lift 1×5/(5×1) = 1
     * B,C: both 1 → support 0.2, conf B→C 1/3, C→B 1, lift 1×5/(3×1) = 5/3
     * Sequences: A→B gaps 20, 59 → 2 customers, median 39.5; A+B bought together 1 (b); B→A 1 (10); C→A 1 (31).
     */
    @Test
    void pairsAndSequencesOnASmallBase() {
        BasketAnalysis result = basket(dataset()
                .holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-03-01")
                .holds("b", "A", "10", "2025-01-01").holds("b", "B", "10", "2025-01-01")
                .holds("b", "C", "10", "2025-02-01")
                .holds("c", "B", "10", "2025-01-01").holds("c", "A", "10", "2025-01-11")
                .holds("d", "A", "10", "2025-01-01")
                .holds("e", "C", "10", "2025-01-01", "2025-05-01").holds("e", "A", "10", "2025-02-01")
                .holds("f", "B", "10", "2024-01-01", "2025-01-01")
                .holds("g", "A", "10", "2025-01-01", "2025-04-01").holds("g", "B", "10", "2025-01-21", "2025-04-01"),
                JUNE_1);

        assertThat(result.activeCustomers()).isEqualTo(5);
        assertThat(result.pairs()).extracting(p -> p.lineA() + p.lineB()).containsExactly("AB", "AC", "BC");

        LinePair ab = result.pairs().get(0);
        assertThat(ab.holdersA()).isEqualTo(5);
        assertThat(ab.holdersB()).isEqualTo(3);
        assertThat(ab.holdersBoth()).isEqualTo(3);
        assertThat(ab.support()).isEqualByComparingTo("0.6");
        assertThat(ab.confidenceAToB()).isEqualByComparingTo("0.6");
        assertThat(ab.confidenceBToA()).isEqualByComparingTo("1");
        assertThat(ab.lift()).isEqualByComparingTo("1");

        LinePair ac = result.pairs().get(1);
        assertThat(ac.support()).isEqualByComparingTo("0.2");
        assertThat(ac.confidenceAToB()).isEqualByComparingTo("0.2");
        assertThat(ac.confidenceBToA()).isEqualByComparingTo("1");
        assertThat(ac.lift()).isEqualByComparingTo("1");

        LinePair bc = result.pairs().get(2);
        assertThat(bc.holdersBoth()).isEqualTo(1);
        assertThat(Decimals.present(bc.confidenceAToB())).isEqualByComparingTo("0.33");
        assertThat(bc.confidenceBToA()).isEqualByComparingTo("1");
        assertThat(Decimals.present(bc.lift())).isEqualByComparingTo("1.67");

        assertThat(result.sequences()).extracting(AdoptionSequence::firstLine, AdoptionSequence::secondLine,
                        AdoptionSequence::boughtTogether, AdoptionSequence::customers)
                .containsExactly(tuple("A", "B", false, 2L),
                        tuple("A", "B", true, 1L),
                        tuple("B", "A", false, 1L),
                        tuple("C", "A", false, 1L));
        assertThat(result.sequences()).extracting(AdoptionSequence::medianDaysBetween)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("39.5"), java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN,
                        new java.math.BigDecimal("31"));
    }

    /** A pair no one holds together is left out; a line nobody holds makes no pair. */
    @Test
    void pairsNeverHeldTogetherAreOmitted() {
        BasketAnalysis result = basket(dataset()
                .holds("a", "A", "10", "2025-01-01").holds("b", "B", "10", "2025-01-01")
                .holds("c", "C", "10", "2020-01-01", "2021-01-01"), JUNE_1);

        assertThat(result.activeCustomers()).isEqualTo(2);
        assertThat(result.pairs()).isEmpty();
        assertThat(result.sequences()).isEmpty();
    }

    /**
     * Nobody active on the day: no pairs, and no sequence yet, since both adoptions come after the
     * day; with {@code all_time} the whole history's sequence is there.
     */
    @Test
    void nobodyActiveOnTheDay() {
        var data = dataset().holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-01-05");
        BasketAnalysis result = basket(data, LocalDate.parse("2024-12-31"));

        assertThat(result.activeCustomers()).isZero();
        assertThat(result.pairs()).isEmpty();
        assertThat(result.sequences()).isEmpty();
        BasketAnalysis allTime = BasketAnalysis.on(MrrLedger.of(data.build()), LocalDate.parse("2024-12-31"), true);
        assertThat(allTime.sequences()).singleElement().satisfies(s -> {
            assertThat(s.customers()).isEqualTo(1);
            assertThat(s.medianDaysBetween()).isEqualByComparingTo("4");
        });
    }

    /** A sequence counts once its second line started on or before the day: later data does not change it. */
    @Test
    void aSequenceCountsFromItsSecondAdoptionOn() {
        var data = dataset().holds("a", "A", "10", "2025-01-01").holds("a", "B", "10", "2025-03-01");
        assertThat(basket(data, LocalDate.parse("2025-02-28")).sequences()).isEmpty();
        assertThat(basket(data, LocalDate.parse("2025-03-01")).sequences()).singleElement()
                .satisfies(s -> assertThat(s.firstLine() + s.secondLine()).isEqualTo("AB"));
    }

    /** One customer holding both lines: support, confidences and lift are all 1. */
    @Test
    void oneCustomer() {
        BasketAnalysis result = basket(dataset()
                .holds("a", "B", "10", "2025-01-01").holds("a", "A", "10", "2025-01-01"), JUNE_1);

        LinePair pair = result.pairs().get(0);
        assertThat(pair.lineA()).isEqualTo("A");
        assertThat(pair.support()).isEqualByComparingTo("1");
        assertThat(pair.confidenceAToB()).isEqualByComparingTo("1");
        assertThat(pair.confidenceBToA()).isEqualByComparingTo("1");
        assertThat(pair.lift()).isEqualByComparingTo("1");
        // both lines on the same first day: bought together, no order (lines in name order), 0 days
        assertThat(result.sequences()).singleElement().satisfies(s -> {
            assertThat(s.firstLine()).isEqualTo("A");
            assertThat(s.secondLine()).isEqualTo("B");
            assertThat(s.boughtTogether()).isTrue();
            assertThat(s.medianDaysBetween()).isEqualByComparingTo("0");
        });
    }

    @Test
    void emptyLedger() {
        BasketAnalysis result = BasketAnalysis.on(MrrLedger.of(dataset().build()), JUNE_1);

        assertThat(result.activeCustomers()).isZero();
        assertThat(result.pairs()).isEmpty();
        assertThat(result.sequences()).isEmpty();
    }
}
