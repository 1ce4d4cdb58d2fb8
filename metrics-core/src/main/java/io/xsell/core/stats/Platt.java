package io.xsell.core.stats;

/**
 * Platt scaling: {@code calibrated = 1 / (1 + exp(-(a * logit(score) + b)))}, with a and b the
 * maximum-likelihood logistic fit of the labels on the logit of the raw scores of a validation
 * set (Newton-Raphson). Because the fit has an intercept, the mean calibrated score on the
 * validation set equals its observed rate. Scores are clamped to [1e-9, 1 - 1e-9] before the logit.
 * A fit with a slope of 0 or below (scores that rank the validation rows backwards or not at all)
 * is replaced by the constant validation rate, so calibration never reverses a ranking.
 */
public record Platt(double a, double b) {
    /** The identity map: what calibration falls back to when a fit is not possible. */
    public static final Platt IDENTITY = new Platt(1, 0);
    private static final double EPS = 1e-9;

    public double calibrate(double score) {
        return sigmoid(a * logit(score) + b);
    }

    /** Fits on validation scores and labels; the identity when all labels are equal (nothing to fit). */
    public static Platt fit(double[] scores, boolean[] labels) {
        int n = scores.length;
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        if (n == 0 || positives == 0 || positives == n) {
            return IDENTITY;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logit(scores[i]);
        }
        double a = 1;
        double b = 0;
        // A tiny ridge keeps the Hessian invertible if the scores separate the labels perfectly.
        double ridge = 1e-8 * n;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = -ridge * (a - 1);
            double gb = 0;
            double haa = ridge;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * x[i] + b);
                double r = (labels[i] ? 1 : 0) - p;
                double w = p * (1 - p);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) {
                break;
            }
        }
        if (a <= 0) {
            // The scores do not rank the validation rows the right way: calibrating would reverse the
            // ranking, so every score becomes the validation rate (no information, honestly stated).
            double rate = (double) positives / n;
            return new Platt(0, Math.log(rate / (1 - rate)));
        }
        return new Platt(a, b);
    }

    static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
