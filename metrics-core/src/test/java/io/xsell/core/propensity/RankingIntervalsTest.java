package io.xsell.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingIntervalsTest {

    /** With every row drawn once, the weighted AUC and lift are RankingQuality's, ties included. */
    @Test
    void atWeightOneTheMeasuresAreThePointFigures() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(500);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = random.nextInt(12) / 12.0; // many ties
                y[i] = random.nextDouble() < 0.1 + 0.5 * s[i];
            }
            int[] ones = new int[n];
            Arrays.fill(ones, 1);
            double[] m = new RankingIntervals(y, s).measure(0, ones);
            assertThat(m[0]).isCloseTo(RankingQuality.auc(s, y), within(1e-12));
            assertThat(m[1]).isCloseTo(RankingQuality.topDecileLift(s, y), within(1e-12));
        }
    }

    /** A row drawn twice counts like two copies of it. */
    @Test
    void aWeightIsACopy() {
        double[] s = {0.1, 0.4, 0.4, 0.9, 0.2};
        boolean[] y = {false, true, false, true, false};
        int[] w = {1, 2, 0, 1, 1};
        double[] copies = {0.1, 0.4, 0.4, 0.9, 0.2};
        boolean[] copyLabels = {false, true, true, true, false};
        double[] m = new RankingIntervals(y, s).measure(0, w);
        assertThat(m[0]).isCloseTo(RankingQuality.auc(copies, copyLabels), within(1e-12));
        assertThat(m[1]).isCloseTo(RankingQuality.topDecileLift(copies, copyLabels), within(1e-12));
    }

    /** Two scorers that are the same: the difference's interval is exactly 0; the same seed, the same intervals. */
    @Test
    void pairedDifferencesOfIdenticalScorersAreZeroAndSeedsRepeat() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 2000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextDouble();
            y[i] = random.nextDouble() < s[i] * 0.3;
        }
        double[][] ci = new RankingIntervals(y, s, s.clone()).intervals(1);
        assertThat(ci[2]).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(ci[0][0]).isLessThan(RankingQuality.auc(s, y)).isGreaterThan(0.5);
        assertThat(new RankingIntervals(y, s, s.clone()).intervals(1)[0]).containsExactly(ci[0]);
    }
}
