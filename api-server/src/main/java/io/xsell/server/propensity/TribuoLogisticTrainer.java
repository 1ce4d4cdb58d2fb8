package io.xsell.server.propensity;

import io.xsell.core.port.out.PropensityModelTrainer;
import io.xsell.core.propensity.LogisticModel;
import io.xsell.core.propensity.TrainingSet;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the propensity model with Tribuo's logistic regression (multinomial log loss over the two
 * labels, AdaGrad, fixed seed), then reads its weights back as one binary logistic model: with two
 * labels the softmax is a sigmoid of the difference of their linear scores.
 */
public final class TribuoLogisticTrainer implements PropensityModelTrainer {
    /**
     * Tribuo reports each training's progress through java.util.logging at INFO, which `report`
     * would print on stderr and the server log for every line of every propensity request; the
     * report's own counts say what matters. Held in a field: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger TRIBUO_SGD = quiet("org.tribuo.common.sgd");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    static final Label ADOPTED = new Label("adopted");
    static final Label NOT_ADOPTED = new Label("not_adopted");

    private final int epochs;
    private final double learningRate;

    /**
     * Three epochs of AdaGrad at 0.01, one row per step: chosen on a validation split inside the
     * demo data's training period (the last training cutoff held out), never on the holdout. Rates
     * from 0.01 to 0.2, 3 to 40 epochs, minibatches of 1 to 500 and parameter averaging scored
     * within 0.01 AUC of each other there; higher rates were worse. See docs/analytics.md.
     */
    public TribuoLogisticTrainer() {
        this(3, 0.01);
    }

    public TribuoLogisticTrainer(int epochs, double learningRate) {
        this.epochs = epochs;
        this.learningRate = learningRate;
    }

    @Override
    public LogisticModel train(TrainingSet set) {
        LinearSGDModel model = fit(set);
        return weightsOf(model, set.featureNames());
    }

    LinearSGDModel fit(TrainingSet set) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("xsell propensity rows", labels),
                labels);
        String[] names = set.featureNames().toArray(new String[0]);
        double[][] rows = set.rows();
        boolean[] adopted = set.labels();
        for (int i = 0; i < rows.length; i++) {
            data.add(new ArrayExample<>(adopted[i] ? ADOPTED : NOT_ADOPTED, names, rows[i]));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs,
                Math.max(1, rows.length * epochs), 1, set.seed());
        return (LinearSGDModel) trainer.train(data);
    }

    static LogisticModel weightsOf(LinearSGDModel model, List<String> featureNames) {
        DenseMatrix w = model.getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int yes = outputs.getID(ADOPTED);
        int no = outputs.getID(NOT_ADOPTED);
        int bias = w.getDimension2Size() - 1;
        double[] weights = new double[featureNames.size()];
        for (int f = 0; f < weights.length; f++) {
            int id = features.getID(featureNames.get(f));
            weights[f] = id < 0 ? 0 : w.get(yes, id) - w.get(no, id);
        }
        return new LogisticModel(w.get(yes, bias) - w.get(no, bias), weights);
    }
}
