package io.xsell.core.propensity;

import io.xsell.core.model.Customer;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.movement.Movement;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the propensity models know of a customer at a cutoff day, using nothing dated after it:
 * tenure, MRR, seats, billing, the lines it holds and its recent movements; its attributes are
 * added per line by {@link AttributeRates}.
 * See docs/analytics.md for each feature.
 */
final class FeatureSchema {
    /** Recent movements are those of the last {@value} days up to and including the cutoff. */
    static final int RECENT_DAYS = 90;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private static final List<String> NUMERIC = List.of("tenure_months", "log_mrr", "log_seats", "lines_held",
            "recent_cross_sells", "recent_upsells", "recent_contractions", "recent_line_churns",
            "recently_acquired", "mrr_change_90d", "yearly_billed_share");

    private final List<String> names = new ArrayList<>(NUMERIC);
    private final int lineCount;
    private final int firstLine;
    private final List<String> attributes = new ArrayList<>();

    private FeatureSchema(List<ProductLineRef> lines) {
        this.lineCount = lines.size();
        this.firstLine = names.size();
        for (ProductLineRef line : lines) {
            names.add("holds:" + line.name());
        }
    }

    static FeatureSchema of(TenantDataset dataset, List<ProductLineRef> lines) {
        FeatureSchema schema = new FeatureSchema(lines);
        schema.attributes.addAll(new TreeSet<>(dataset.attributeNames()));
        return schema;
    }

    /** Customer attributes the models encode as adoption rates (see {@link AttributeRates}). */
    List<String> attributes() {
        return List.copyOf(attributes);
    }

    /** Names of the base features followed by one per attribute, the columns of a model. */
    List<String> modelNames() {
        List<String> all = new ArrayList<>(names);
        for (String attribute : attributes) {
            all.add(attribute + "_adoption_rate");
        }
        return all;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    int size() {
        return names.size();
    }

    int holdsColumn(int line) {
        return firstLine + line;
    }

    /** The customer's features on {@code day}, or null when it is not active that day. */
    double[] extract(Customer customer, MrrTimeline timeline, SeatIndex items, int index, int day) {
        BigDecimal mrr = timeline.mrrOn(day);
        if (mrr.signum() <= 0) {
            return null;
        }
        double[] x = new double[names.size()];
        List<Movement> movements = timeline.movements();
        int firstActive = movements.get(0).day();
        x[0] = (day - firstActive) / DAYS_PER_MONTH;
        x[1] = Math.log1p(mrr.doubleValue());
        x[2] = Math.log1p(items.seatsOn(index, day));
        x[10] = items.yearlyShareOn(index, day);
        BigDecimal[] byLine = timeline.mrrByLineOn(day);
        int held = 0;
        for (int l = 0; l < lineCount; l++) {
            if (byLine[l].signum() > 0) {
                held++;
                x[firstLine + l] = 1;
            }
        }
        x[3] = held;
        int since = day - RECENT_DAYS;
        for (Movement m : movements) {
            if (m.day() <= since || m.day() > day) {
                continue;
            }
            switch (m.type()) {
                case CROSS_SELL -> x[4]++;
                case UPSELL -> x[5]++;
                case CONTRACTION -> x[6]++;
                case LINE_CHURN -> x[7]++;
                case NEW_BUSINESS, REACTIVATION -> x[8] = 1;
                default -> {
                }
            }
        }
        x[9] = x[1] - Math.log1p(Math.max(0, timeline.mrrOn(since).doubleValue()));
        return x;
    }
}
