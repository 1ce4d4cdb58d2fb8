package io.xsell.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How far probabilities are from what happened: the Brier score and a reliability table. */
public final class Calibration {
    private Calibration() {
    }

    /** One group of the reliability table: its rows, their mean score and their observed rate. */
    public record Bin(int rows, int positives, double meanScore, double observedRate) {
    }

    /** Mean squared difference between score and outcome (0 perfect; a constant p scores p(1-p) at rate p). */
    public static double brier(double[] scores, boolean[] labels) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double d = scores[i] - (labels[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / scores.length;
    }

    /**
     * Rows sorted by score ascending (ties by index) and cut by rank into {@code bins} groups as
     * equal as possible (the first {@code n mod bins} one row larger); empty groups are left out.
     */
    public static List<Bin> reliability(double[] scores, boolean[] labels, int bins) {
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i));
        List<Bin> out = new ArrayList<>();
        int start = 0;
        for (int b = 0; b < bins; b++) {
            int size = n / bins + (b < n % bins ? 1 : 0);
            if (size == 0) {
                continue;
            }
            double sum = 0;
            int positives = 0;
            for (int k = start; k < start + size; k++) {
                sum += scores[order[k]];
                positives += labels[order[k]] ? 1 : 0;
            }
            out.add(new Bin(size, positives, sum / size, (double) positives / size));
            start += size;
        }
        return out;
    }
}
