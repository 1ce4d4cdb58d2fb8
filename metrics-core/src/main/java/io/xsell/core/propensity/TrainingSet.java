package io.xsell.core.propensity;

import java.util.List;
import java.util.Objects;

/**
 * Labelled rows for one line's model: standardised features in the order of {@code featureNames},
 * and whether the customer adopted the line within the horizon.
 *
 * @param seed drives every random choice of the trainer, so the same set gives the same model
 */
public record TrainingSet(List<String> featureNames, double[][] rows, boolean[] labels, long seed) {
    public TrainingSet {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(labels, "labels");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != featureNames.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for "
                        + featureNames.size() + " features");
            }
        }
    }

    public int positives() {
        int count = 0;
        for (boolean label : labels) {
            if (label) {
                count++;
            }
        }
        return count;
    }
}
