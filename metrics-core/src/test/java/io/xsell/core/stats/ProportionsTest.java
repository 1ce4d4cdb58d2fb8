package io.xsell.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonMatchesCommonsMathAndNewcombesTable() {
        WilsonScoreInterval reference = new WilsonScoreInterval();
        long[][] cases = {{0, 10}, {1, 10}, {5, 10}, {10, 10}, {81, 263}, {15, 148}, {0, 1}, {3, 2000}};
        for (long[] c : cases) {
            var expected = reference.createInterval((int) c[1], (int) c[0], 0.95);
            double[] w = Proportions.wilson(c[0], c[1]);
            assertThat(w[0]).as("wilson low %s/%s", c[0], c[1]).isCloseTo(expected.getLowerBound(), within(1e-12));
            assertThat(w[1]).as("wilson high %s/%s", c[0], c[1]).isCloseTo(expected.getUpperBound(), within(1e-12));
        }
        // Newcombe (1998), Table I: 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605
        assertThat(Proportions.wilson(81, 263)[0]).isCloseTo(0.2553, within(5e-5));
        assertThat(Proportions.wilson(81, 263)[1]).isCloseTo(0.3662, within(5e-5));
        assertThat(Proportions.wilson(15, 148)[0]).isCloseTo(0.0624, within(5e-5));
        assertThat(Proportions.wilson(15, 148)[1]).isCloseTo(0.1605, within(5e-5));
    }

    @Test
    void newcombeReproducesHisPublishedExamples() {
        // Newcombe (1998), Table II, method 10: 56/70 - 48/80 -> 0.0524 to 0.3339; 9/10 - 3/10 -> 0.1705 to 0.8090
        double[] a = Proportions.newcombe(56, 70, 48, 80);
        assertThat(a[0]).isCloseTo(0.0524, within(5e-5));
        assertThat(a[1]).isCloseTo(0.3339, within(5e-5));
        double[] b = Proportions.newcombe(9, 10, 3, 10);
        assertThat(b[0]).isCloseTo(0.1705, within(5e-5));
        assertThat(b[1]).isCloseTo(0.8090, within(5e-5));
    }

    @Test
    void zTestMatchesTheFormulaOverCommonsMathsNormal() {
        NormalDistribution normal = new NormalDistribution(0, 1);
        long[][] cases = {{265, 282, 3005, 3196}, {40, 100, 25, 100}, {500, 10000, 450, 10000}};
        for (long[] c : cases) {
            double p1 = (double) c[0] / c[1];
            double p2 = (double) c[2] / c[3];
            double pooled = (double) (c[0] + c[2]) / (c[1] + c[3]);
            double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / c[1] + 1.0 / c[3]));
            double expected = 2 * normal.cumulativeProbability(-Math.abs(z));
            assertThat(Proportions.zTestP(c[0], c[1], c[2], c[3])).isCloseTo(expected, within(1e-12));
        }
        // The false critical: 93.97 % of 282 (265) against 94.02 % of 3,196 (3,005): p ~ 0.97
        assertThat(Proportions.zTestP(265, 282, 3005, 3196)).isCloseTo(0.97, within(0.01));
        assertThat(Proportions.zTestP(0, 10, 0, 20)).isEqualTo(1);
    }

    @Test
    void fisherReproducesTextbookTablesAndCommonsMathsHypergeometric() {
        // Fisher's lady tasting tea: 3 of 4 right vs 1 of 4 -> two-sided p = 34/70 = 0.4857
        assertThat(Proportions.fisherP(3, 4, 1, 4)).isCloseTo(34.0 / 70, within(1e-12));
        // Agresti (2002), table 3.8 (same data): one-sided 0.243; two-sided 0.486
        // R: fisher.test(matrix(c(1,9,11,3),2)) p = 0.002759
        assertThat(Proportions.fisherP(1, 12, 9, 12)).isCloseTo(0.002759, within(1e-6));
        long[][] cases = {{2, 15, 9, 14}, {0, 40, 5, 40}, {30, 1000, 12, 900}, {7, 7, 0, 3}};
        for (long[] c : cases) {
            long m = c[0] + c[2];
            HypergeometricDistribution h = new HypergeometricDistribution((int) (c[1] + c[3]), (int) m, (int) c[1]);
            double observed = h.probability((int) c[0]);
            double expected = 0;
            for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
                if (h.probability(k) <= observed * (1 + 1e-7)) {
                    expected += h.probability(k);
                }
                assertThat(Proportions.hypergeometric(k, c[1], c[3], m)).isCloseTo(h.probability(k), within(1e-12));
            }
            assertThat(Proportions.fisherP(c[0], c[1], c[2], c[3])).as("fisher %s", java.util.Arrays.toString(c))
                    .isCloseTo(Math.min(1, expected), within(1e-10));
        }
    }

    @Test
    void fisherWorksForAMillionCustomers() {
        double p = Proportions.fisherP(5, 1_000_000, 1, 1_000_000);
        assertThat(p).isCloseTo(0.21875, within(1e-6)); // = binomial(6, 1/2) two-sided P(X<=1 or X>=5) = 14/64
    }

    @Test
    void comparisonPicksFisherForSmallCountsAndGivesTheDirectionTheIntervalSupports() {
        TwoProportions small = TwoProportions.compare(3, 4, 1, 4);
        assertThat(small.test()).isEqualTo(TwoProportions.FISHER);
        assertThat(small.direction()).isZero();
        TwoProportions large = TwoProportions.compare(500, 1000, 400, 1000);
        assertThat(large.test()).isEqualTo(TwoProportions.Z_TEST);
        assertThat(large.difference()).isCloseTo(0.1, within(1e-12));
        assertThat(large.direction()).isEqualTo(1);
        assertThat(large.pValue()).isLessThan(1e-5);
        assertThat(TwoProportions.compare(400, 1000, 500, 1000).direction()).isEqualTo(-1);
    }
}
