package io.xsell.core.propensity;

import java.util.HashMap;
import java.util.Map;

/**
 * The popularity baseline: a customer's score is the line's adoption rate among the training rows
 * of its segment (the value of the baseline attribute), or among all training rows when its
 * segment had none. Without a segment attribute every customer gets the overall rate.
 */
final class SegmentBaseline {
    private final Map<String, Double> rateBySegment;
    private final double overall;

    private SegmentBaseline(Map<String, Double> rateBySegment, double overall) {
        this.rateBySegment = rateBySegment;
        this.overall = overall;
    }

    private static final String NONE = "\u0000none";

    static SegmentBaseline fit(String[] segments, boolean[] labels) {
        Map<String, long[]> tallies = new HashMap<>();
        long positives = 0;
        for (int i = 0; i < labels.length; i++) {
            long[] t = tallies.computeIfAbsent(key(segments[i]), k -> new long[2]);
            t[0]++;
            if (labels[i]) {
                t[1]++;
                positives++;
            }
        }
        Map<String, Double> rates = new HashMap<>();
        tallies.forEach((segment, t) -> rates.put(segment, (double) t[1] / t[0]));
        return new SegmentBaseline(rates, labels.length == 0 ? 0 : (double) positives / labels.length);
    }

    double score(String segment) {
        return rateBySegment.getOrDefault(key(segment), overall);
    }

    private static String key(String segment) {
        return segment == null ? NONE : segment;
    }
}
