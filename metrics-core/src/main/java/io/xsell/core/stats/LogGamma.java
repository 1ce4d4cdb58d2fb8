package io.xsell.core.stats;

/** ln Γ by the Lanczos approximation (g = 7, nine terms; relative error about 1e-15). */
final class LogGamma {
    private static final double[] COEFFICIENTS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Exact sums for small n, where the approximation's relative error would matter most. */
    private static final double[] SMALL = new double[256];

    static {
        for (int i = 2; i < SMALL.length; i++) {
            SMALL[i] = SMALL[i - 1] + Math.log(i);
        }
    }

    private LogGamma() {
    }

    static double logFactorial(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative factorial: " + n);
        }
        return n < SMALL.length ? SMALL[(int) n] : logGamma(n + 1.0);
    }

    static double logGamma(double x) {
        if (x < 0.5) {
            throw new IllegalArgumentException("logGamma is used for x >= 0.5 only, got " + x);
        }
        double y = x - 1;
        double sum = COEFFICIENTS[0];
        double t = y + 7.5;
        for (int i = 1; i < COEFFICIENTS.length; i++) {
            sum += COEFFICIENTS[i] / (y + i);
        }
        return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
