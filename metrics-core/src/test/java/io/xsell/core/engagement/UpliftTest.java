package io.xsell.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.mrr.Decimals;
import org.junit.jupiter.api.Test;

class UpliftTest {

    @Test
    void matchesNewcombesPublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, table II example (a): 56/70 - 48/80,
        // method 10 gives 0.0524 to 0.3339
        Uplift uplift = Uplift.of(70, 56, 80, 48);
        assertThat(Decimals.present(uplift.upliftPctPoints())).isEqualByComparingTo("20.00");
        assertThat(Decimals.present(uplift.ciLowPctPoints())).isEqualByComparingTo("5.24");
        assertThat(Decimals.present(uplift.ciHighPctPoints())).isEqualByComparingTo("33.39");
        assertThat(uplift.significant()).isTrue();
    }

    @Test
    void staysInsideTheRangeAtTheExtremes() {
        Uplift all = Uplift.of(5, 5, 5, 0);
        assertThat(all.upliftPctPoints()).isEqualByComparingTo("100");
        assertThat(all.ciHighPctPoints().doubleValue()).isLessThanOrEqualTo(100.0);
        assertThat(all.ciLowPctPoints().doubleValue()).isGreaterThan(0.0);
    }

    @Test
    void anEmptyGroupGivesNullsNotAnError() {
        Uplift none = Uplift.of(0, 0, 10, 3);
        assertThat(none.exposedRatePct()).isNull();
        assertThat(Decimals.present(none.unexposedRatePct())).isEqualByComparingTo("30.00");
        assertThat(none.upliftPctPoints()).isNull();
        assertThat(none.ciLowPctPoints()).isNull();
        assertThat(none.pValue()).isNull();
        assertThat(none.reason()).isEqualTo(Uplift.NO_EXPOSED);
        assertThat(Uplift.of(10, 3, 0, 0).reason()).isEqualTo(Uplift.NO_UNEXPOSED);
    }

    /** Newcombe's example 56/70 against 48/80: pooled 104/150, z = 0.2 / 0.07547 = 2.650, p = 0.00804. */
    @Test
    void carriesTheTestsPValue() {
        Uplift uplift = Uplift.of(70, 56, 80, 48);
        assertThat(uplift.pValue()).isCloseTo(0.00804, org.assertj.core.api.Assertions.within(0.00002));
        assertThat(uplift.reason()).isNull();
    }

    @Test
    void rejectsMoreConvertedThanCustomers() {
        assertThatThrownBy(() -> Uplift.of(2, 3, 5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
