package io.xsell.core.propensity;

import java.util.List;

/**
 * Centres and scales each feature by its training mean and standard deviation, so that weights
 * are comparable and a contribution reads "relative to the average training customer". A
 * feature constant in training becomes 0 everywhere.
 */
final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardizer fit(List<double[]> rows, int width) {
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                mean[f] += row[f];
            }
        }
        for (int f = 0; f < width; f++) {
            mean[f] /= Math.max(1, rows.size());
        }
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                double d = row[f] - mean[f];
                scale[f] += d * d;
            }
        }
        for (int f = 0; f < width; f++) {
            double sd = Math.sqrt(scale[f] / Math.max(1, rows.size()));
            scale[f] = sd > 1e-12 ? 1 / sd : 0;
        }
        return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int f = 0; f < row.length; f++) {
            z[f] = (row[f] - mean[f]) * scale[f];
        }
        return z;
    }
}
