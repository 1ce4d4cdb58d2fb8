package io.xsell.core.propensity;

import io.xsell.core.port.out.PropensityModelTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain logistic regression fitted by full-batch gradient descent: a real, if slow, implementation
 * of the trainer port for the core's tests (the application uses Tribuo). Records what it was given.
 */
public final class GradientDescentTrainer implements PropensityModelTrainer {
    public final List<TrainingSet> seen = new ArrayList<>();

    @Override
    public LogisticModel train(TrainingSet set) {
        seen.add(set);
        int width = set.featureNames().size();
        double[] w = new double[width];
        double b = 0;
        double[][] x = set.rows();
        for (int step = 0; step < 2000; step++) {
            double[] gw = new double[width];
            double gb = 0;
            for (int i = 0; i < x.length; i++) {
                double z = b;
                for (int f = 0; f < width; f++) {
                    z += w[f] * x[i][f];
                }
                double error = 1 / (1 + Math.exp(-z)) - (set.labels()[i] ? 1 : 0);
                gb += error;
                for (int f = 0; f < width; f++) {
                    gw[f] += error * x[i][f];
                }
            }
            b -= 0.1 * gb / x.length;
            for (int f = 0; f < width; f++) {
                w[f] -= 0.1 * (gw[f] / x.length + 0.01 * w[f]);
            }
        }
        return new LogisticModel(b, w);
    }
}
