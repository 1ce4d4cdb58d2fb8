package io.xsell.core.port.out;

import io.xsell.core.propensity.LogisticModel;
import io.xsell.core.propensity.TrainingSet;

/**
 * Fits a logistic model of adoption to labelled feature rows. The domain prepares the rows
 * (features, labels, standardisation) and evaluates and applies the model; an ML library does
 * the fitting. Must be deterministic for a given training set (its seed included).
 */
public interface PropensityModelTrainer {
    LogisticModel train(TrainingSet trainingSet);
}
