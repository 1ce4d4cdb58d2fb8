package io.xsell.core.port.in;

import io.xsell.core.model.TenantId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request for propensity models of every line (or one).
 *
 * @param date          the scoring day: customers active on it and not holding a line are ranked; the
 *                      holdout cutoff is {@code date - horizonDays}, training cutoffs lie before that
 * @param horizonDays   a customer is labelled an adopter when it cross-sells the line within this many
 *                      days after a cutoff
 * @param trainCutoffs  how many training cutoffs, each {@code horizonDays} apart before the holdout cutoff
 * @param segmentBy     customer attribute of the baseline (base rate per value); null for the overall rate
 * @param line          one product line, or null for every line
 * @param limit         ranked customers returned per line
 */
public record PropensityQuery(TenantId tenant, LocalDate date, int horizonDays, int trainCutoffs, String segmentBy,
                              String line, int limit) {
    public static final int DEFAULT_HORIZON_DAYS = 90;
    public static final int DEFAULT_TRAIN_CUTOFFS = 4;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_HORIZON_DAYS = 366;
    public static final int MAX_TRAIN_CUTOFFS = 12;
    public static final int MAX_LIMIT = 1000;

    public PropensityQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(date, "date");
        if (horizonDays < 7 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizon_days must be between 7 and " + MAX_HORIZON_DAYS + ", was " + horizonDays);
        }
        if (trainCutoffs < 1 || trainCutoffs > MAX_TRAIN_CUTOFFS) {
            throw new IllegalArgumentException("train_cutoffs must be between 1 and " + MAX_TRAIN_CUTOFFS + ", was " + trainCutoffs);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
        if (line != null && line.isBlank()) {
            throw new IllegalArgumentException("line must not be blank");
        }
    }
}
