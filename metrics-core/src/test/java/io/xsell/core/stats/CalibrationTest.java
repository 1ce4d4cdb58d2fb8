package io.xsell.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void plattRecoversAKnownMiscalibrationAndMatchesTheRateOnItsValidationSet() {
        // True probability sigmoid(0.5 * logit(s) - 1): the raw scores are over-confident and too high.
        SplittableRandom random = new SplittableRandom(3);
        int n = 40_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.01 + 0.98 * random.nextDouble();
            y[i] = random.nextDouble() < Platt.sigmoid(0.5 * Platt.logit(s[i]) - 1);
        }
        Platt platt = Platt.fit(s, y);
        assertThat(platt.a()).isCloseTo(0.5, within(0.05));
        assertThat(platt.b()).isCloseTo(-1, within(0.05));
        double mean = 0;
        double rate = 0;
        for (int i = 0; i < n; i++) {
            mean += platt.calibrate(s[i]);
            rate += y[i] ? 1 : 0;
        }
        // the intercept's score equation: mean calibrated score = observed rate, to rounding
        assertThat(mean / n).isCloseTo(rate / n, within(1e-9));
        double[] calibrated = new double[n];
        for (int i = 0; i < n; i++) {
            calibrated[i] = platt.calibrate(s[i]);
        }
        assertThat(Calibration.brier(calibrated, y)).isLessThan(Calibration.brier(s, y));
    }

    @Test
    void plattIsTheIdentityWhenThereIsNothingToFit() {
        assertThat(Platt.fit(new double[] {0.2, 0.3}, new boolean[] {false, false})).isEqualTo(Platt.IDENTITY);
        assertThat(Platt.IDENTITY.calibrate(0.3)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void brierAndReliabilityByHand() {
        double[] s = {0.1, 0.9, 0.5, 0.5, 0.2};
        boolean[] y = {false, true, true, false, false};
        // (0.01 + 0.01 + 0.25 + 0.25 + 0.04) / 5 = 0.112
        assertThat(Calibration.brier(s, y)).isCloseTo(0.112, within(1e-12));
        var bins = Calibration.reliability(s, y, 2);
        // sorted 0.1, 0.2, 0.5(idx2, y), | 0.5(idx3), 0.9(y): first bin 3 rows
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).rows()).isEqualTo(3);
        assertThat(bins.get(0).meanScore()).isCloseTo(0.8 / 3, within(1e-12));
        assertThat(bins.get(0).observedRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(bins.get(1).meanScore()).isCloseTo(0.7, within(1e-12));
        assertThat(bins.get(1).observedRate()).isCloseTo(0.5, within(1e-12));
    }
}
