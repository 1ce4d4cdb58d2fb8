package io.xsell.core.propensity;

import io.xsell.core.model.Customer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer attributes as numbers for one line's model: each attribute becomes the log-odds of the
 * line's adoption rate among the training rows sharing the customer's value, shrunk towards the
 * overall rate by {@value #PRIOR_ROWS} pseudo-rows (target encoding). Log-odds, because that is
 * the scale a logistic model adds on: a segment's effect is then exactly one weight times its
 * encoding, and features that merely correlate with the segment (seats, MRR) are not needed to
 * bend a rate into a log-odds. One number per attribute instead of one
 * indicator per value keeps the model small, so a few thousand adopters fit it without noise;
 * values unseen in training, and customers without the attribute, get the overall rate.
 *
 * <p>A training row's own label must not inform its encoding, or an attribute that says nothing
 * (a country, when adoption does not depend on it) looks predictive in training and earns a weight
 * that is pure noise. So training rows are encoded out of fold: customers are split into
 * {@value #FOLDS} folds and a row is encoded with the rates of the other folds. Holdout and
 * scoring rows use the rates of all training rows.
 */
final class AttributeRates {
    static final double PRIOR_ROWS = 50;
    static final int FOLDS = 5;

    private final List<String> attributes;
    private final List<Map<String, Double>> rates;
    /** Log-odds of the overall rate. */
    private final double overall;

    private AttributeRates(List<String> attributes, List<Map<String, Double>> rates, double overall) {
        this.attributes = attributes;
        this.rates = rates;
        this.overall = overall;
    }

    /** Per attribute and value: rows and adopters in each fold. */
    private static final class Tallies {
        final long[] rows = new long[FOLDS];
        final long[] adopters = new long[FOLDS];
    }

    /**
     * The encoder of all training rows, and in {@code outOfFold} (one array per row, filled here) each
     * training row's encoding by the other folds.
     *
     * @param folds the fold of each row, 0 to {@value #FOLDS} - 1, the same for all rows of a customer
     */
    static AttributeRates fit(List<String> attributes, List<Customer> customers, boolean[] labels, int[] folds,
                              double[][] outOfFold) {
        long[] rowsByFold = new long[FOLDS];
        long[] adoptersByFold = new long[FOLDS];
        for (int i = 0; i < labels.length; i++) {
            rowsByFold[folds[i]]++;
            if (labels[i]) {
                adoptersByFold[folds[i]]++;
            }
        }
        long rows = Arrays.stream(rowsByFold).sum();
        long adopters = Arrays.stream(adoptersByFold).sum();
        double overallRate = rows == 0 ? 0 : (double) adopters / rows;
        List<Map<String, Double>> rates = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            String attribute = attributes.get(a);
            Map<String, Tallies> tallies = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                String value = customers.get(i).attribute(attribute);
                if (value != null) {
                    Tallies t = tallies.computeIfAbsent(value, v -> new Tallies());
                    t.rows[folds[i]]++;
                    if (labels[i]) {
                        t.adopters[folds[i]]++;
                    }
                }
            }
            Map<String, Double> byValue = new HashMap<>();
            tallies.forEach((value, t) -> byValue.put(value,
                    shrunk(Arrays.stream(t.adopters).sum(), Arrays.stream(t.rows).sum(), overallRate)));
            rates.add(byValue);
            for (int i = 0; i < labels.length; i++) {
                int k = folds[i];
                long otherRows = rows - rowsByFold[k];
                double otherOverall = otherRows == 0 ? 0 : (double) (adopters - adoptersByFold[k]) / otherRows;
                String value = customers.get(i).attribute(attribute);
                Tallies t = value == null ? null : tallies.get(value);
                outOfFold[i][a] = t == null ? logOdds(otherOverall) : shrunk(
                        Arrays.stream(t.adopters).sum() - t.adopters[k], Arrays.stream(t.rows).sum() - t.rows[k],
                        otherOverall);
            }
        }
        return new AttributeRates(List.copyOf(attributes), rates, logOdds(overallRate));
    }

    private static double shrunk(long adopters, long rows, double prior) {
        return logOdds((adopters + PRIOR_ROWS * prior) / (rows + PRIOR_ROWS));
    }

    /** Rates of exactly 0 or 1 (no adopter, or all) are clamped so the log-odds stay finite. */
    private static double logOdds(double rate) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, rate));
        return Math.log(p / (1 - p));
    }

    int size() {
        return attributes.size();
    }

    /** The customer's base features followed by one rate per attribute. */
    double[] append(double[] base, Customer customer) {
        double[] x = Arrays.copyOf(base, base.length + attributes.size());
        for (int a = 0; a < attributes.size(); a++) {
            String value = customer.attribute(attributes.get(a));
            x[base.length + a] = value == null ? overall : rates.get(a).getOrDefault(value, overall);
        }
        return x;
    }

    /** Base features followed by precomputed rates. */
    static double[] append(double[] base, double[] encoded) {
        double[] x = Arrays.copyOf(base, base.length + encoded.length);
        System.arraycopy(encoded, 0, x, base.length, encoded.length);
        return x;
    }
}
