package io.xsell.core.propensity;

import io.xsell.core.model.Customer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer attributes as numbers for one line's model: each attribute becomes the line's adoption
 * rate among the training rows sharing the customer's value, shrunk towards the overall rate by
 * {@value #PRIOR_ROWS} pseudo-rows (target encoding). One number per attribute instead of one
 * indicator per value keeps the model small, so a few thousand adopters fit it without noise;
 * values unseen in training, and customers without the attribute, get the overall rate.
 */
final class AttributeRates {
    static final double PRIOR_ROWS = 50;

    private final List<String> attributes;
    private final List<Map<String, Double>> rates;
    private final double overall;

    private AttributeRates(List<String> attributes, List<Map<String, Double>> rates, double overall) {
        this.attributes = attributes;
        this.rates = rates;
        this.overall = overall;
    }

    static AttributeRates fit(List<String> attributes, List<Customer> customers, boolean[] labels) {
        long positives = 0;
        for (boolean label : labels) {
            if (label) {
                positives++;
            }
        }
        double overall = labels.length == 0 ? 0 : (double) positives / labels.length;
        List<Map<String, Double>> rates = new java.util.ArrayList<>();
        for (String attribute : attributes) {
            Map<String, long[]> tallies = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                String value = customers.get(i).attribute(attribute);
                if (value == null) {
                    continue;
                }
                long[] t = tallies.computeIfAbsent(value, v -> new long[2]);
                t[0]++;
                if (labels[i]) {
                    t[1]++;
                }
            }
            Map<String, Double> byValue = new HashMap<>();
            tallies.forEach((value, t) -> byValue.put(value, (t[1] + PRIOR_ROWS * overall) / (t[0] + PRIOR_ROWS)));
            rates.add(byValue);
        }
        return new AttributeRates(List.copyOf(attributes), rates, overall);
    }

    /** The customer's base features followed by one rate per attribute. */
    double[] append(double[] base, Customer customer) {
        double[] x = java.util.Arrays.copyOf(base, base.length + attributes.size());
        for (int a = 0; a < attributes.size(); a++) {
            String value = customer.attribute(attributes.get(a));
            x[base.length + a] = value == null ? overall : rates.get(a).getOrDefault(value, overall);
        }
        return x;
    }
}
