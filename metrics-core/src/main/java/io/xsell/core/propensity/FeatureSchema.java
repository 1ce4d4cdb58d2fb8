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

    /**
     * The lines held enter as one indicator per line ({@code holds:<line>}); their count would be
     * their sum, a collinear column that only makes the weights unstable.
     */
    private static final List<String> NUMERIC = List.of("tenure_months", "log_mrr", "log_seats",
            "yearly_billed_share", "recent_cross_sells", "recent_upsells", "recent_contractions",
            "recent_line_churns", "recently_acquired", "mrr_change_90d");
    private static final int TENURE = 0;
    private static final int LOG_MRR = 1;
    private static final int LOG_SEATS = 2;
    private static final int YEARLY = 3;
    private static final int CROSS_SELLS = 4;
    private static final int UPSELLS = 5;
    private static final int CONTRACTIONS = 6;
    private static final int LINE_CHURNS = 7;
    private static final int ACQUIRED = 8;
    private static final int MRR_CHANGE = 9;

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
        x[TENURE] = (day - movements.get(0).day()) / DAYS_PER_MONTH;
        x[LOG_MRR] = Math.log1p(mrr.doubleValue());
        x[LOG_SEATS] = Math.log1p(items.seatsOn(index, day));
        x[YEARLY] = items.yearlyShareOn(index, day);
        BigDecimal[] byLine = timeline.mrrByLineOn(day);
        for (int l = 0; l < lineCount; l++) {
            if (byLine[l].signum() > 0) {
                x[firstLine + l] = 1;
            }
        }
        int since = day - RECENT_DAYS;
        for (Movement m : movements) {
            if (m.day() <= since || m.day() > day) {
                continue;
            }
            switch (m.type()) {
                case CROSS_SELL -> x[CROSS_SELLS]++;
                case UPSELL -> x[UPSELLS]++;
                case CONTRACTION -> x[CONTRACTIONS]++;
                case LINE_CHURN -> x[LINE_CHURNS]++;
                case NEW_BUSINESS, REACTIVATION -> x[ACQUIRED] = 1;
                default -> {
                }
            }
        }
        x[MRR_CHANGE] = x[LOG_MRR] - Math.log1p(Math.max(0, timeline.mrrOn(since).doubleValue()));
        return x;
    }
}
