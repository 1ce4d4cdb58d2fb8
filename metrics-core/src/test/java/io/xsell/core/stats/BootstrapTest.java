package io.xsell.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Mean of 0/1 data of a known rate: the percentile interval approaches the Wald interval. */
    @Test
    void intervalOfAMeanIsCloseToTheNormalTheoryInterval() {
        int n = 2000;
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 5 == 0; // rate 0.2
        }
        double[][] ci = Bootstrap.intervals(n, 2000, 7, counts -> {
            long hits = 0;
            for (int i = 0; i < n; i++) {
                hits += y[i] ? counts[i] : 0;
            }
            return new double[] {(double) hits / n};
        });
        double half = Normal.Z_975 * Math.sqrt(0.2 * 0.8 / n);
        assertThat(ci[0][0]).isCloseTo(0.2 - half, within(0.003));
        assertThat(ci[0][1]).isCloseTo(0.2 + half, within(0.003));
        assertThat(ci[0][2]).as("bootstrap standard error").isCloseTo(Math.sqrt(0.2 * 0.8 / n), within(0.0007));
    }

    @Test
    void sameSeedSameIntervalsAndUndefinedReplicatesAreSkipped() {
        Bootstrap.Statistics s = counts -> new double[] {counts[0], counts[0] == 0 ? Double.NaN : 1};
        double[][] a = Bootstrap.intervals(50, 300, 11, s);
        double[][] b = Bootstrap.intervals(50, 300, 11, s);
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(1.0, 1.0, 0.0);
        // a statistic undefined in most replicates gets no interval
        double[][] rare = Bootstrap.intervals(50, 300, 11, counts -> new double[] {counts[0] > 3 ? 1 : Double.NaN});
        assertThat(rare[0][0]).isNaN();
    }
}
