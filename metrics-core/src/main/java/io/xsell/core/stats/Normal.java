package io.xsell.core.stats;

/** The standard normal distribution: CDF and quantile (absolute error about 1e-14; relative error of the CDF 1e-10 to 5 sigma, 1e-8 beyond). */
public final class Normal {
    /** The 0.975 quantile: the multiplier of a two-sided 95 % interval. */
    public static final double Z_975 = 1.959963984540054;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Normal() {
    }

    /**
     * P(Z <= x), by Hart's double-precision rational approximation (Hart 1968, algorithm 5666, as
     * given by G. West, "Better approximations to cumulative normal functions", 2005), which keeps
     * its relative accuracy in the tails where {@code 1 - cdf} is what a p-value needs.
     */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        double tail;
        if (a > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-a * a / 2);
            if (a < 7.07106781186547) {
                double n = 3.52624965998911E-02 * a + 0.700383064443688;
                n = n * a + 6.37396220353165;
                n = n * a + 33.912866078383;
                n = n * a + 112.079291497871;
                n = n * a + 221.213596169931;
                n = n * a + 220.206867912376;
                double d = 8.83883476483184E-02 * a + 1.75566716318264;
                d = d * a + 16.064177579207;
                d = d * a + 86.7807322029461;
                d = d * a + 296.564248779674;
                d = d * a + 637.333633378831;
                d = d * a + 793.826512519948;
                d = d * a + 440.413735824752;
                tail = e * n / d;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** Two-sided p-value of a standard normal statistic: P(|Z| >= |z|). */
    public static double twoSidedP(double z) {
        return Math.min(1, 2 * cdf(-Math.abs(z)));
    }

    /**
     * The x with {@code cdf(x) = p}: Acklam's rational approximation (relative error 1.2e-9)
     * polished by one Halley step on {@link #cdf}, which brings it to double precision.
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = tailRational(q);
        } else if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            x = -tailRational(q);
        }
        // Halley: the error of cdf(x) is taken on the tail side where it is small, to keep precision.
        double e = x < 0 ? cdf(x) - p : (1 - p) - cdf(-x);
        double u = e * SQRT_2PI * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double tailRational(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }
}
