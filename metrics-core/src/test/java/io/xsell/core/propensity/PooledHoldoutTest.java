package io.xsell.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.xsell.core.propensity.PropensityReport.Pooled;
import io.xsell.core.stats.Normal;
import org.junit.jupiter.api.Test;

/**
 * Two lines' holdout rows ranked together, worked out by hand.
 * <pre>
 * line X (popularity 0.3): x1 adopter model 0.9 segment 0.5;  x2 no  model 0.2  segment 0.1
 * line Y (popularity 0.1): y1 no model 0.6 segment 0.2;  y2 adopter model 0.1 segment 0.2;  y3 no model 0.05 segment 0.2
 * </pre>
 * 5 rows, 2 adopters (x1, y2), 3 others (x2, y1, y3), 6 adopter-other pairs.
 * Model: x1 (0.9) above all 3; y2 (0.1) above y3 only: AUC 4/6. Top decile = ceil(5/10) = 1 row,
 * x1, an adopter: lift 1 / (2/5) = 2.5.
 * Popularity: x1 (0.3) ties x2 (1/2) and is above y1, y3 (2); y2 (0.1) is below x2 and ties y1, y3
 * (1/2 + 1/2): AUC 3.5/6. The top row is one of the two tied at 0.3, of which one adopted: lift 0.5 / 0.4 = 1.25.
 * Segment: x1 (0.5) above all 3; y2 (0.2) above x2 (0.1) and ties y1, y3: AUC 5/6; top row x1: lift 2.5.
 * Mean model score 1.85 / 5 = 0.37, mean popularity 0.9 / 5 = 0.18.
 */
class PooledHoldoutTest {

    @Test
    void rowsOfEveryLineAreRankedTogether() {
        PooledHoldout pooled = new PooledHoldout();
        pooled.add(new double[] {0.9, 0.2}, new double[] {0.3, 0.3}, new double[] {0.5, 0.1},
                new boolean[] {true, false});
        pooled.add(new double[] {0.6, 0.1, 0.05}, new double[] {0.1, 0.1, 0.1}, new double[] {0.2, 0.2, 0.2},
                new boolean[] {false, true, false});

        Pooled result = pooled.result(Normal.Z_975, 0.95);

        assertThat(result.lines()).isEqualTo(2);
        assertThat(result.rows()).isEqualTo(5);
        assertThat(result.adopters()).isEqualTo(2);
        assertThat(result.model().auc()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(result.model().topDecileLift()).isCloseTo(2.5, within(1e-12));
        assertThat(result.popularity().auc()).isCloseTo(3.5 / 6, within(1e-12));
        assertThat(result.popularity().topDecileLift()).isCloseTo(1.25, within(1e-12));
        assertThat(result.segmentBaseline().auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(result.segmentBaseline().topDecileLift()).isCloseTo(2.5, within(1e-12));
        assertThat(result.modelMeanScore()).isCloseTo(0.37, within(1e-12));
        assertThat(result.popularityMeanScore()).isCloseTo(0.18, within(1e-12));
        // The model ranks better on these 5 rows, but 5 rows prove nothing: the 95 % bootstrap
        // interval of the AUC difference includes 0, so it is not claimed to beat popularity.
        assertThat(result.vsPopularity().auc()).isCloseTo(4.0 / 6 - 3.5 / 6, within(1e-12));
        assertThat(result.vsPopularity().aucLow()).isNegative();
        assertThat(result.beatsPopularity()).isFalse();
        assertThat(result.model().aucLow()).isLessThanOrEqualTo(result.model().auc());
        assertThat(result.model().aucHigh()).isGreaterThanOrEqualTo(result.model().auc());
    }

    /** Within one line popularity is a constant: it cannot rank, so AUC 1/2 and lift 1. */
    @Test
    void oneLineAlonePoolsToItsOwnFigures() {
        PooledHoldout pooled = new PooledHoldout();
        pooled.add(new double[] {0.6, 0.1, 0.05}, new double[] {0.1, 0.1, 0.1}, new double[] {0.2, 0.2, 0.2},
                new boolean[] {false, true, false});

        Pooled result = pooled.result(Normal.Z_975, 0.95);

        assertThat(result.model().auc()).isCloseTo(0.5, within(1e-12)); // y2 above y3, below y1
        assertThat(result.popularity().auc()).isEqualTo(0.5);
        assertThat(result.popularity().topDecileLift()).isEqualTo(1.0);
        assertThat(result.beatsPopularity()).isFalse();
    }

    @Test
    void nothingPooledHasNoFigures() {
        Pooled result = new PooledHoldout().result(Normal.Z_975, 0.95);

        assertThat(result.rows()).isZero();
        assertThat(result.model().auc()).isNull();
        assertThat(result.modelMeanScore()).isNull();
        assertThat(result.beatsPopularity()).isNull();
    }

    @Test
    void aModelScoreOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new PooledHoldout().add(new double[] {1.5}, new double[] {0.1}, new double[] {0.1},
                new boolean[] {true})).hasMessageContaining("not a probability: 1.5");
    }
}
