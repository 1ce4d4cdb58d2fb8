package io.xsell.core.propensity;

import io.xsell.core.metrics.UnknownAttributeException;
import io.xsell.core.model.Customer;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.ProductLineRef;
import io.xsell.core.port.out.PropensityModelTrainer;
import io.xsell.core.propensity.PropensityReport.Driver;
import io.xsell.core.propensity.PropensityReport.LinePropensity;
import io.xsell.core.propensity.PropensityReport.Prospect;
import io.xsell.core.propensity.PropensityReport.Quality;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Per product line: labelled rows at cutoffs in the past, a logistic model fitted on the earlier
 * ones (through {@link PropensityModelTrainer}), evaluated on a later held-out cutoff against the
 * popularity ranker (the line's training adoption rate) and the segment base-rate baseline, per line
 * and with every line's holdout rows pooled, then used to rank the customers that do not hold the line today.
 *
 * <p>Time layout, with {@code h} the horizon: the holdout cutoff is {@code date - h}, training
 * cutoffs are {@code date - h - k*h} for {@code k = 1..n}. A row is a customer active on a cutoff
 * {@code c} that does not hold the line that day; its label is whether it cross-sold the line on a
 * day in {@code (c, c + h]}. Features use nothing dated after {@code c}, and every training label
 * is known by the holdout cutoff, so nothing of the holdout period leaks into training.
 */
public final class PropensityAnalysis {
    /** Customers whose rows feed training and holdout; above it a fixed-seed sample is drawn. */
    public static final int MAX_SAMPLED_CUSTOMERS = 120_000;
    /** Rows one line's model is fitted on; above it a fixed-seed sample is drawn. */
    public static final int MAX_TRAINING_ROWS = 150_000;
    /** Drivers reported per prospect. */
    public static final int DRIVERS = 3;
    public static final long SEED = 20_260_101L;
    /**
     * Fewest adopters a line needs in training, in validation and in the holdout for its model to be
     * fitted, calibrated and evaluated; below it the line is {@code insufficient_data}: a handful of
     * adopters makes an AUC or a lift that means nothing.
     */
    public static final int MIN_ADOPTERS = 30;
    /** The chance that any "beats" claim of one report is wrong when no model beats anything. */
    public static final double FAMILY_ERROR = 0.05;
    /** Share of customers held out for calibration when there is a single training cutoff. */
    static final int VALIDATION_FOLD = 0;
    /** The baseline segments on this attribute when the caller names none and customers carry it. */
    public static final String DEFAULT_SEGMENT_ATTRIBUTE = "segment";

    private final MrrLedger ledger;
    private final TenantDataset dataset;
    private final PropensityModelTrainer trainer;
    private final FeatureSchema schema;
    private final SeatIndex seats;

    private PropensityAnalysis(MrrLedger ledger, TenantDataset dataset, PropensityModelTrainer trainer) {
        this.ledger = ledger;
        this.dataset = dataset;
        this.trainer = trainer;
        this.schema = FeatureSchema.of(dataset, ledger.lines());
        this.seats = SeatIndex.of(dataset);
        this.bestFirst = Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> ledger.customer(s.customer()).id());
    }

    /**
     * @param ledger     the dataset priced (its customers in the dataset's order)
     * @param segmentBy  the baseline's attribute; null for {@value #DEFAULT_SEGMENT_ATTRIBUTE} when customers
     *                   carry it, else one overall rate
     * @param line       one line by name, or null for all
     * @throws UnknownAttributeException when no customer carries {@code segmentBy}
     * @throws UnknownLineException when {@code line} is not a line of the catalogue
     */
    public static PropensityReport run(MrrLedger ledger, TenantDataset dataset, PropensityModelTrainer trainer,
                                       LocalDate date, int horizonDays, int trainCutoffs, String segmentBy,
                                       String line, int limit) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(date, "date");
        if (ledger.customerCount() != dataset.customers().size()) {
            throw new IllegalArgumentException("the ledger was not priced from this dataset");
        }
        String baselineAttribute = baselineAttribute(dataset, segmentBy);
        List<ProductLineRef> lines = ledger.lines().stream().filter(l -> line == null || l.name().equals(line)).toList();
        if (line != null && lines.isEmpty()) {
            throw new UnknownLineException(line);
        }
        return new PropensityAnalysis(ledger, dataset, trainer)
                .run(lines, date, horizonDays, trainCutoffs, baselineAttribute, limit);
    }

    private static String baselineAttribute(TenantDataset dataset, String segmentBy) {
        if (segmentBy == null) {
            return dataset.attributeNames().contains(DEFAULT_SEGMENT_ATTRIBUTE) ? DEFAULT_SEGMENT_ATTRIBUTE : null;
        }
        if (!dataset.attributeNames().contains(segmentBy)) {
            throw new UnknownAttributeException(segmentBy, new TreeSet<>(dataset.attributeNames()));
        }
        return segmentBy;
    }

    /** One customer at one cutoff: its features and, per line, whether it held and whether it adopted it. */
    private record Row(int customer, int cutoff, double[] features, boolean[] held, boolean[] adopted) {
    }

    private PropensityReport run(List<ProductLineRef> lines, LocalDate date, int horizon, int trainCutoffCount,
                                 String baselineAttribute, int limit) {
        int scoringDay = Math.toIntExact(date.toEpochDay());
        // cutoffs[0..n-1] train, earliest first; cutoffs[n] the holdout
        int[] cutoffs = new int[trainCutoffCount + 1];
        for (int k = 0; k <= trainCutoffCount; k++) {
            cutoffs[k] = scoringDay - horizon * (trainCutoffCount + 1 - k);
        }
        int customers = ledger.customerCount();
        double share = Math.min(1.0, (double) MAX_SAMPLED_CUSTOMERS / Math.max(1, customers));
        List<Row> rows = IntStream.range(0, customers).parallel()
                .filter(c -> sampled(c, share))
                .mapToObj(c -> rowsOf(c, cutoffs, horizon))
                .flatMap(List::stream)
                .sorted(Comparator.comparing((Row r) -> ledger.customer(r.customer).id()).thenComparingInt(Row::cutoff))
                .toList();
        int sampled = (int) IntStream.range(0, customers).filter(c -> sampled(c, share)).count();

        List<Fitted> fitted = new ArrayList<>();
        for (ProductLineRef line : lines) {
            fitted.add(fit(line, rows, trainCutoffCount, baselineAttribute));
        }
        PooledHoldout pooled = new PooledHoldout();
        int withFigures = 0;
        for (Fitted f : fitted) {
            if (PropensityReport.OK.equals(f.status)) {
                pooled.add(f.holdoutModelScores, f.holdoutPopularityScores, f.holdoutBaselineScores, f.holdoutLabels);
                withFigures++;
            }
        }
        // Every line makes two claims (beats the baseline, beats popularity) and so does the pool.
        int claims = withFigures == 0 ? 1 : 2 * withFigures + 2;
        double confidence = 1 - FAMILY_ERROR / claims;
        double z = io.xsell.core.stats.Normal.quantile(1 - FAMILY_ERROR / (2.0 * claims));
        for (Fitted f : fitted) {
            if (PropensityReport.OK.equals(f.status)) {
                f.vsBaseline = difference(f.modelQuality, f.baselineQuality, f.ciBaseline, z, confidence);
                f.vsPopularity = difference(f.modelQuality, f.popularityQuality, f.ciPopularity, z, confidence);
            }
        }
        List<LinePropensity> results = new ArrayList<>();
        Ranked ranked = rank(fitted, scoringDay, limit);
        List<List<Prospect>> prospects = ranked.prospects();
        long[] candidates = ranked.candidates();
        for (int i = 0; i < fitted.size(); i++) {
            Fitted f = fitted.get(i);
            boolean ok = PropensityReport.OK.equals(f.status);
            results.add(new LinePropensity(f.line.name(), f.status, f.trainingRows, f.trainingAdopters,
                    f.validationRows, f.validationAdopters, f.holdoutRows, f.holdoutAdopters,
                    ok ? f.modelQuality : null, ok ? f.baselineQuality : null, ok ? f.popularityQuality : null,
                    f.vsBaseline, f.vsPopularity, f.calibration, f.note, candidates[i], prospects.get(i),
                    ok ? weights(f) : List.of()));
        }
        List<LocalDate> trainDates = new ArrayList<>();
        for (int k = 0; k < trainCutoffCount; k++) {
            trainDates.add(LocalDate.ofEpochDay(cutoffs[k]));
        }
        return new PropensityReport(date, horizon, trainDates, LocalDate.ofEpochDay(cutoffs[trainCutoffCount]),
                baselineAttribute, customers, sampled, pooled.result(z, confidence), results);
    }

    /**
     * Whether a customer's rows are used. Everything random is drawn from the customer's id, not its
     * position, and rows are ordered by id: the same data gives the same models however a store
     * happens to order its customers.
     */
    private boolean sampled(int customer, double share) {
        return share >= 1.0 || draw(customer, 1).nextDouble() < share;
    }

    private SplittableRandom draw(int customer, long stream) {
        return new SplittableRandom(SEED * 31 + stream * 0x9E3779B97F4A7C15L + ledger.customer(customer).id().hashCode());
    }

    private List<Row> rowsOf(int customer, int[] cutoffs, int horizon) {
        MrrTimeline timeline = ledger.timeline(customer);
        if (timeline.movements().isEmpty()) {
            return List.of();
        }
        Customer who = ledger.customer(customer);
        int lineCount = ledger.lines().size();
        List<Row> rows = new ArrayList<>(cutoffs.length);
        for (int k = 0; k < cutoffs.length; k++) {
            int cutoff = cutoffs[k];
            double[] x = schema.extract(who, timeline, seats, customer, cutoff);
            if (x == null) {
                continue;
            }
            boolean[] held = new boolean[lineCount];
            BigDecimal[] byLine = timeline.mrrByLineOn(cutoff);
            for (int l = 0; l < lineCount; l++) {
                held[l] = byLine[l].signum() > 0;
            }
            boolean[] adopted = new boolean[lineCount];
            for (Movement m : timeline.movements()) {
                if (m.type() == MovementType.CROSS_SELL && m.day() > cutoff && m.day() <= cutoff + horizon) {
                    adopted[m.line()] = true;
                }
            }
            rows.add(new Row(customer, k, x, held, adopted));
        }
        return rows;
    }

    /** A line's fitted model (or the reason there is none) and its holdout figures. */
    private static final class Fitted {
        ProductLineRef line;
        AttributeRates attributes;
        Standardizer standardizer;
        LogisticModel model;
        io.xsell.core.stats.Platt platt;
        String status = PropensityReport.OK;
        int trainingRows;
        int trainingAdopters;
        int validationRows;
        int validationAdopters;
        PropensityReport.Difference vsBaseline;
        PropensityReport.Difference vsPopularity;
        double[] ciBaseline;
        double[] ciPopularity;
        PropensityReport.Calibration calibration;
        int holdoutRows;
        int holdoutAdopters;
        Quality modelQuality;
        Quality baselineQuality;
        Quality popularityQuality;
        String note;
        boolean[] holdoutLabels;
        double[] holdoutModelScores;
        double[] holdoutPopularityScores;
        double[] holdoutBaselineScores;
    }

    /**
     * Rows of the training period are split: the latest training cutoff (or, with a single cutoff,
     * one customer fold of five) is kept out of fitting to calibrate the scores on, so that neither
     * fitting nor calibration sees the holdout.
     */
    private boolean validation(Row row, int holdoutCutoff) {
        return holdoutCutoff >= 2 ? row.cutoff == holdoutCutoff - 1 : fold(row.customer) == VALIDATION_FOLD;
    }

    private Fitted fit(ProductLineRef line, List<Row> rows, int holdoutCutoff, String baselineAttribute) {
        int l = line.index();
        List<Row> training = new ArrayList<>();
        List<Row> validation = new ArrayList<>();
        List<Row> holdout = new ArrayList<>();
        for (Row row : rows) {
            if (row.held[l]) {
                continue;
            }
            (row.cutoff == holdoutCutoff ? holdout : validation(row, holdoutCutoff) ? validation : training).add(row);
        }
        training = sample(training, MAX_TRAINING_ROWS, SEED + l);
        validation = sample(validation, MAX_TRAINING_ROWS, SEED + 1000 + l);
        Fitted f = new Fitted();
        f.line = line;
        f.trainingRows = training.size();
        f.validationRows = validation.size();
        f.holdoutRows = holdout.size();
        boolean[] trainLabels = labels(training, l);
        boolean[] validationLabels = labels(validation, l);
        boolean[] holdoutLabels = labels(holdout, l);
        f.trainingAdopters = count(trainLabels);
        f.validationAdopters = count(validationLabels);
        f.holdoutAdopters = count(holdoutLabels);

        if (f.trainingRows == 0 || f.trainingAdopters == f.trainingRows) {
            f.status = PropensityReport.NO_MODEL;
            f.note = f.trainingRows == 0 ? "no training rows: no customer active at a training cutoff was without the line"
                    : "every training customer adopted the line";
            return f;
        }
        if (f.trainingAdopters < MIN_ADOPTERS || f.validationAdopters < MIN_ADOPTERS || f.holdoutAdopters < MIN_ADOPTERS) {
            f.status = PropensityReport.INSUFFICIENT_DATA;
            f.note = "insufficient data: " + f.trainingAdopters + " training, " + f.validationAdopters + " validation and "
                    + f.holdoutAdopters + " holdout adopters; a model is fitted, calibrated and evaluated only with at least "
                    + MIN_ADOPTERS + " in each, so no figures and no prospects are given";
            return f;
        }

        SegmentBaseline baseline = SegmentBaseline.fit(segments(training, baselineAttribute), trainLabels);
        String[] holdoutSegments = segments(holdout, baselineAttribute);
        double[] baselineScores = new double[holdout.size()];
        for (int i = 0; i < baselineScores.length; i++) {
            baselineScores[i] = baseline.score(holdoutSegments[i]);
        }
        // Popularity: the line's adoption rate in training, the same score for every customer.
        double popularity = (double) f.trainingAdopters / f.trainingRows;
        double[] popularityScores = new double[holdout.size()];
        Arrays.fill(popularityScores, popularity);
        f.holdoutLabels = holdoutLabels;
        f.holdoutPopularityScores = popularityScores;
        f.holdoutBaselineScores = baselineScores;

        int[] folds = new int[training.size()];
        double[][] encoded = new double[training.size()][schema.attributes().size()];
        for (int i = 0; i < folds.length; i++) {
            folds[i] = fold(training.get(i).customer);
        }
        f.attributes = AttributeRates.fit(schema.attributes(), customers(training), trainLabels, folds, encoded);
        List<double[]> raw = new ArrayList<>(training.size());
        for (int i = 0; i < folds.length; i++) {
            raw.add(AttributeRates.append(training.get(i).features, encoded[i]));
        }
        int width = schema.modelNames().size();
        f.standardizer = Standardizer.fit(raw, width);
        double[][] x = new double[training.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = f.standardizer.apply(raw.get(i));
        }
        f.model = trainer.train(new TrainingSet(schema.modelNames(), x, trainLabels, SEED + l));
        double[] validationScores = new double[validation.size()];
        for (int i = 0; i < validationScores.length; i++) {
            validationScores[i] = f.model.probability(f.standardizer.apply(full(f, validation.get(i))));
        }
        f.platt = io.xsell.core.stats.Platt.fit(validationScores, validationLabels);
        double[] scores = new double[holdout.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probability(f, full(f, holdout.get(i)));
        }
        f.holdoutModelScores = scores;
        RankingIntervals intervals = new RankingIntervals(holdoutLabels, scores, baselineScores, popularityScores);
        double[][] ci = intervals.intervals(SEED + 7 * l);
        f.modelQuality = quality(scores, holdoutLabels, ci[0]);
        f.baselineQuality = quality(baselineScores, holdoutLabels, ci[1]);
        f.popularityQuality = quality(popularityScores, holdoutLabels, ci[2]);
        f.ciBaseline = ci[3];
        f.ciPopularity = ci[4];
        f.calibration = new PropensityReport.Calibration(f.platt.a(), f.platt.b(),
                io.xsell.core.stats.Calibration.brier(scores, holdoutLabels),
                io.xsell.core.stats.Calibration.brier(popularityScores, holdoutLabels), mean(scores),
                (double) f.holdoutAdopters / f.holdoutRows,
                io.xsell.core.stats.Calibration.reliability(scores, holdoutLabels, 10));
        return f;
    }

    /** The calibrated probability of a row's raw features (before standardising). */
    private static double probability(Fitted f, double[] raw) {
        return f.platt.calibrate(f.model.probability(f.standardizer.apply(raw)));
    }

    static Quality quality(double[] scores, boolean[] labels, double[] ci) {
        return new Quality(RankingQuality.auc(scores, labels), RankingQuality.topDecileLift(scores, labels),
                finite(ci[0]), finite(ci[1]), finite(ci[2]), finite(ci[3]));
    }

    /** The difference a - b with normal intervals {@code point +- z * bootstrap sd} (ci[4], ci[5]). */
    static PropensityReport.Difference difference(Quality a, Quality b, double[] ci, double z, double confidence) {
        Double auc = a.auc() == null || b.auc() == null ? null : a.auc() - b.auc();
        Double lift = a.topDecileLift() == null || b.topDecileLift() == null ? null : a.topDecileLift() - b.topDecileLift();
        if (auc == null && lift == null) {
            return null;
        }
        return new PropensityReport.Difference(auc, bound(auc, -z, ci[4]), bound(auc, z, ci[4]), lift,
                bound(lift, -z, ci[5]), bound(lift, z, ci[5]), confidence);
    }

    private static Double bound(Double point, double z, double sd) {
        return point == null || Double.isNaN(sd) ? null : point + z * sd;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private double[] full(Fitted f, Row row) {
        return f.attributes.append(row.features, ledger.customer(row.customer));
    }

    /** A customer's fold for out-of-fold encoding: fixed by the seed, the same at every cutoff. */
    private int fold(int customer) {
        return draw(customer, 2).nextInt(AttributeRates.FOLDS);
    }

    private List<Customer> customers(List<Row> rows) {
        return rows.stream().map(r -> ledger.customer(r.customer)).toList();
    }

    /** At most {@code max} rows, drawn with a fixed seed, kept in their original order. */
    private static List<Row> sample(List<Row> rows, int max, long seed) {
        if (rows.size() <= max) {
            return rows;
        }
        int[] index = IntStream.range(0, rows.size()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] kept = Arrays.copyOf(index, max);
        Arrays.sort(kept);
        List<Row> result = new ArrayList<>(max);
        for (int i : kept) {
            result.add(rows.get(i));
        }
        return result;
    }

    private static boolean[] labels(List<Row> rows, int line) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).adopted[line];
        }
        return labels;
    }

    private String[] segments(List<Row> rows, String attribute) {
        String[] segments = new String[rows.size()];
        if (attribute != null) {
            for (int i = 0; i < segments.length; i++) {
                segments[i] = ledger.customer(rows.get(i).customer).attribute(attribute);
            }
        }
        return segments;
    }

    private static int count(boolean[] labels) {
        int n = 0;
        for (boolean b : labels) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    private record Ranked(List<List<Prospect>> prospects, long[] candidates) {
    }

    private record Scored(int customer, double score) {
    }

    /** Best score first; equal scores in customer id order. */
    private final Comparator<Scored> bestFirst;

    /** Per thread: for each line, the best {@code limit} candidates seen so far and the candidate count. */
    private final class Ranking {
        final List<PriorityQueue<Scored>> best = new ArrayList<>();
        final long[] counts;
        final int limit;

        Ranking(int lines, int limit) {
            this.limit = limit;
            this.counts = new long[lines];
            for (int i = 0; i < lines; i++) {
                best.add(new PriorityQueue<>(bestFirst.reversed()));
            }
        }

        void offer(int line, Scored scored) {
            counts[line]++;
            if (limit == 0) {
                return;
            }
            PriorityQueue<Scored> queue = best.get(line);
            queue.add(scored);
            if (queue.size() > limit) {
                queue.poll();
            }
        }

        Ranking merge(Ranking other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
                for (Scored s : other.best.get(i)) {
                    offer(i, s);
                    counts[i]--;
                }
            }
            return this;
        }
    }

    private Ranked rank(List<Fitted> fitted, int day, int limit) {
        Ranking ranking = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Ranking(fitted.size(), limit),
                (r, c) -> scoreCustomer(r, fitted, c, day),
                Ranking::merge);
        List<List<Prospect>> result = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            Fitted f = fitted.get(i);
            List<Scored> best = new ArrayList<>(ranking.best.get(i));
            best.sort(bestFirst);
            List<Prospect> prospects = new ArrayList<>();
            for (Scored s : best) {
                MrrTimeline timeline = ledger.timeline(s.customer);
                double[] raw = schema.extract(ledger.customer(s.customer), timeline, seats, s.customer, day);
                prospects.add(new Prospect(ledger.customer(s.customer).id(), s.score,
                        drivers(f, f.attributes.append(raw, ledger.customer(s.customer)))));
            }
            result.add(prospects);
        }
        return new Ranked(result, ranking.counts);
    }

    private void scoreCustomer(Ranking ranking, List<Fitted> fitted, int customer, int day) {
        MrrTimeline timeline = ledger.timeline(customer);
        if (timeline.movements().isEmpty()) {
            return;
        }
        double[] raw = schema.extract(ledger.customer(customer), timeline, seats, customer, day);
        if (raw == null) {
            return;
        }
        for (int i = 0; i < fitted.size(); i++) {
            Fitted f = fitted.get(i);
            if (raw[schema.holdsColumn(f.line.index())] > 0) {
                continue;
            }
            if (!PropensityReport.OK.equals(f.status)) {
                ranking.counts[i]++;
                continue;
            }
            ranking.offer(i, new Scored(customer, probability(f, f.attributes.append(raw, ledger.customer(customer)))));
        }
    }

    private List<PropensityReport.FeatureWeight> weights(Fitted f) {
        if (f.model == null) {
            return List.of();
        }
        double[] w = f.model.weights();
        List<String> names = schema.modelNames();
        List<PropensityReport.FeatureWeight> weights = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0) {
                weights.add(new PropensityReport.FeatureWeight(names.get(i), w[i]));
            }
        }
        weights.sort(Comparator.comparingDouble((PropensityReport.FeatureWeight fw) -> -Math.abs(fw.weight()))
                .thenComparing(PropensityReport.FeatureWeight::feature));
        return weights;
    }

    /** The features that raise the customer's score most, largest contribution first. */
    private List<Driver> drivers(Fitted f, double[] raw) {
        double[] z = f.standardizer.apply(raw);
        List<String> names = schema.modelNames();
        Integer[] order = new Integer[z.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -f.model.contribution(z, i)).thenComparingInt(i -> i));
        List<Driver> drivers = new ArrayList<>();
        for (int k = 0; k < order.length && drivers.size() < DRIVERS; k++) {
            double contribution = f.model.contribution(z, order[k]);
            if (contribution <= 0) {
                break;
            }
            drivers.add(new Driver(names.get(order[k]), raw[order[k]], contribution));
        }
        return drivers;
    }
}
