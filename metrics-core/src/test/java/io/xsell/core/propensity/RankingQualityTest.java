package io.xsell.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingQualityTest {

    /** Adopters 0.9 and 0.7, others 0.8 and 0.6: of the 4 (adopter, other) pairs 3 are ordered right. */
    @Test
    void aucIsTheShareOfAdopterOtherPairsRankedRight() {
        double auc = RankingQuality.auc(new double[]{0.9, 0.8, 0.7, 0.6}, new boolean[]{true, false, true, false});
        assertThat(auc).isEqualTo(0.75);
    }

    /** The adopter ties two others (half each) and beats the third: (0.5 + 0.5 + 1) / 3. */
    @Test
    void aTieCountsOneHalf() {
        double auc = RankingQuality.auc(new double[]{0.5, 0.5, 0.5, 0.1}, new boolean[]{true, false, false, false});
        assertThat(auc).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void perfectAndReversedRankings() {
        assertThat(RankingQuality.auc(new double[]{3, 2, 1}, new boolean[]{true, false, false})).isEqualTo(1.0);
        assertThat(RankingQuality.auc(new double[]{1, 2, 3}, new boolean[]{true, false, false})).isEqualTo(0.0);
    }

    @Test
    void aucNeedsBothAdoptersAndOthers() {
        assertThat(RankingQuality.auc(new double[]{1, 2}, new boolean[]{false, false})).isNull();
        assertThat(RankingQuality.auc(new double[]{1, 2}, new boolean[]{true, true})).isNull();
        assertThat(RankingQuality.auc(new double[0], new boolean[0])).isNull();
    }

    /**
     * 20 rows, 3 adopters (rate 0.15); the top decile is the 2 best: one adopter among them, a rate
     * of 0.5, so the lift is 0.5 / 0.15.
     */
    @Test
    void liftIsTheTopDecilesAdoptionRateOverTheOverallRate() {
        double[] scores = new double[20];
        boolean[] labels = new boolean[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = 20 - i;
        }
        labels[0] = true;
        labels[10] = true;
        labels[19] = true;
        assertThat(RankingQuality.topDecileLift(scores, labels)).isCloseTo(0.5 / 0.15, within(1e-12));
    }

    /** 11 rows: the top decile is ceil(1.1) = 2 rows; both adopters are there: rate 1 over 2/11. */
    @Test
    void theTopDecileRoundsUp() {
        double[] scores = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        boolean[] labels = new boolean[11];
        labels[0] = true;
        labels[1] = true;
        assertThat(RankingQuality.topDecileLift(scores, labels)).isCloseTo(5.5, within(1e-12));
    }

    /**
     * All 10 rows tie, 2 adopters: the one place of the top decile holds 2/10 of an adopter on
     * average, the overall rate: lift 1. A constant score never gains from the tie-break.
     */
    @Test
    void tiesAtTheCutCountTheirAverageRate() {
        double[] scores = new double[10];
        boolean[] labels = new boolean[10];
        labels[3] = true;
        labels[7] = true;
        assertThat(RankingQuality.topDecileLift(scores, labels)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingQuality.auc(scores, labels)).isEqualTo(0.5);
    }

    /**
     * 10 rows, top decile 1 place; the best score 0.9 is shared by an adopter and a non-adopter:
     * the place holds half an adopter. 2 adopters overall (0.2): lift 0.5 / 0.2.
     */
    @Test
    void aTiedGroupStraddlingTheCutContributesItsRatePerPlace() {
        double[] scores = {0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.2};
        boolean[] labels = {true, false, false, false, false, false, false, false, true, false};
        assertThat(RankingQuality.topDecileLift(scores, labels)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void liftWithoutAdoptersIsUnknownAndMismatchedInputIsRefused() {
        assertThat(RankingQuality.topDecileLift(new double[]{1, 2}, new boolean[]{false, false})).isNull();
        assertThatThrownBy(() -> RankingQuality.auc(new double[]{1}, new boolean[]{true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 scores but 2 labels");
        assertThatThrownBy(() -> RankingQuality.auc(new double[]{Double.NaN, 1}, new boolean[]{true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
