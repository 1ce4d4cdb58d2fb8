package io.xsell.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NormalTest {
    private final NormalDistribution reference = new NormalDistribution(0, 1);

    @Test
    void cdfMatchesCommonsMathAcrossTheRangeIncludingTheTails() {
        for (double x = -12; x <= 12; x += 0.01) {
            double expected = reference.cumulativeProbability(x);
            assertThat(Normal.cdf(x)).as("cdf(%s)", x).isCloseTo(expected, within(1e-14));
            if (x < -1) {
                // relative accuracy where p-values live: 1e-10 to 5 sigma, 1e-8 beyond (Hart's continued fraction)
                assertThat(Normal.cdf(x) / expected).as("relative cdf(%s)", x).isCloseTo(1, within(x > -5 ? 1e-10 : 2e-8));
            }
        }
    }

    @Test
    void textbookValues() {
        // Standard normal table: Φ(1.96) = 0.9750021, Φ(-2.5758) ≈ 0.005, Φ(0) = 0.5
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.twoSidedP(1.959963984540054)).isCloseTo(0.05, within(1e-14));
        assertThat(Normal.quantile(0.975)).isCloseTo(Normal.Z_975, within(1e-14));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-13));
    }

    @Test
    void quantileMatchesCommonsMathAndInvertsTheCdf() {
        double[] ps = {1e-6, 0.001, 0.01, 0.02425, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99,
            0.999, 1 - 1e-9};
        for (double p : ps) {
            assertThat(Normal.quantile(p)).as("quantile(%s)", p)
                    .isCloseTo(reference.inverseCumulativeProbability(p), within(1e-9 * Math.max(1, Math.abs(Normal.quantile(p)))));
        }
        for (double p = 0.001; p < 1; p += 0.001) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-13));
        }
        // Far tails, where Commons Math's own inverse loses accuracy: cdf(quantile(p)) / p, relative.
        for (double p : new double[] {1e-15, 1e-12, 1e-9}) {
            assertThat(Normal.cdf(Normal.quantile(p)) / p).as("tail %s", p).isCloseTo(1, within(1e-7));
        }
        assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
