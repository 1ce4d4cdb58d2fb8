package io.xsell.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void reproducesBenjaminiAndHochbergsWorkedExample() {
        // Benjamini & Hochberg (1995), section 4: 15 p-values; at q = 0.05 the four smallest are rejected.
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
            0.5719, 0.6528, 0.7590, 1.0000};
        double[] q = BenjaminiHochberg.adjust(p);
        int rejected = 0;
        for (double v : q) {
            rejected += v <= 0.05 ? 1 : 0;
        }
        assertThat(rejected).isEqualTo(4);
        // R: p.adjust(p, "BH")[1:5] = 0.0015 0.0030 0.0095 0.035625 0.0603
        assertThat(q[0]).isCloseTo(0.0015, within(1e-12));
        assertThat(q[1]).isCloseTo(0.0030, within(1e-12));
        assertThat(q[2]).isCloseTo(0.0095, within(1e-12));
        assertThat(q[3]).isCloseTo(0.035625, within(1e-12));
        assertThat(q[4]).isCloseTo(0.0603, within(1e-12));
        assertThat(q[14]).isEqualTo(1.0);
    }

    @Test
    void adjustedValuesAreMonotoneInTheRawOnesAndOrderIndependent() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.04, 0.01, 0.03});
        // sorted 0.01, 0.03, 0.04 -> 0.03, 0.04 (min(0.045, 0.04)), 0.04
        assertThat(q).containsExactly(new double[] {0.04, 0.03, 0.04}, within(1e-15));
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    }
}
