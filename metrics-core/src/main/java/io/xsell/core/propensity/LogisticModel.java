package io.xsell.core.propensity;

import java.util.Objects;

/**
 * A fitted logistic model: {@code P(adopt) = 1 / (1 + exp(-(intercept + weights . x)))} over
 * standardised features. Being linear, it explains each score: feature {@code i} adds
 * {@code weights[i] * x[i]} to the log-odds, relative to a customer with every feature at its
 * training mean.
 */
public record LogisticModel(double intercept, double[] weights) {
    public LogisticModel {
        Objects.requireNonNull(weights, "weights");
        weights = weights.clone();
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept is not finite: " + intercept);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not finite: " + weights[i]);
            }
        }
    }

    public double logOdds(double[] x) {
        double sum = intercept;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    public double probability(double[] x) {
        return 1.0 / (1.0 + Math.exp(-logOdds(x)));
    }

    public double contribution(double[] x, int feature) {
        return weights[feature] * x[feature];
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
