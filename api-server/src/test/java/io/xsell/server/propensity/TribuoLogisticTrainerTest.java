package io.xsell.server.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xsell.core.propensity.LogisticModel;
import io.xsell.core.propensity.RankingQuality;
import io.xsell.core.propensity.TrainingSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * Rows where {@code usage} drives adoption (log-odds -2.5 + 1.5 * usage) and {@code noise} does not.
 */
class TribuoLogisticTrainerTest {
    private static final List<String> NAMES = List.of("usage", "noise");

    private static TrainingSet rows(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[]{random.nextGaussian(), random.nextGaussian()};
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-2.5 + 1.5 * x[i][0])));
        }
        return new TrainingSet(NAMES, x, y, 7);
    }

    @Test
    void theModelFindsTheDrivingFeatureAndBeatsTheBaseRateOnFreshRows() {
        LogisticModel model = new TribuoLogisticTrainer().train(rows(1, 5000));
        TrainingSet holdout = rows(2, 5000);

        double[] scores = new double[holdout.rows().length];
        double[] baseRate = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.probability(holdout.rows()[i]);
            baseRate[i] = 0.1;
        }
        double auc = RankingQuality.auc(scores, holdout.labels());
        assertThat(auc).isGreaterThan(0.75).isGreaterThan(RankingQuality.auc(baseRate, holdout.labels()));
        assertThat(RankingQuality.topDecileLift(scores, holdout.labels())).isGreaterThan(2.0);
        assertThat(model.weights()[0]).isPositive();
        assertThat(Math.abs(model.weights()[1])).isLessThan(model.weights()[0] / 5);
    }

    /** With two labels Tribuo's softmax is a sigmoid of the difference of the two linear scores. */
    @Test
    void theWeightsReadBackGiveTribuosOwnProbabilities() {
        TribuoLogisticTrainer trainer = new TribuoLogisticTrainer();
        TrainingSet set = rows(3, 2000);
        LinearSGDModel tribuo = trainer.fit(set);
        LogisticModel model = TribuoLogisticTrainer.weightsOf(tribuo, NAMES);

        for (double[] x : List.of(new double[]{0, 0}, new double[]{1.5, -0.3}, new double[]{-2, 2})) {
            Prediction<Label> prediction = tribuo.predict(new ArrayExample<>(TribuoLogisticTrainer.ADOPTED,
                    NAMES.toArray(new String[0]), x));
            double adopted = prediction.getOutputScores().get(TribuoLogisticTrainer.ADOPTED.getLabel()).getScore();
            assertThat(model.probability(x)).isCloseTo(adopted, within(1e-9));
        }
    }

    @Test
    void theSameRowsAndSeedGiveTheSameModel() {
        LogisticModel first = new TribuoLogisticTrainer().train(rows(4, 1000));
        LogisticModel second = new TribuoLogisticTrainer().train(rows(4, 1000));
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.intercept()).isEqualTo(first.intercept());
    }
}
