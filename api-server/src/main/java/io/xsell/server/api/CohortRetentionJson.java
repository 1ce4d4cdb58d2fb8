package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.AttachedCohortRetention;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/analytics/cohorts}: attached against single-line cohort retention, months 1 to 12. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohortRetentionJson(String month, int attachedCustomers, int singleLineCustomers, List<Point> points) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Point(int monthsAfter, String date, BigDecimal attachedLogoRetentionPct,
                        BigDecimal attachedLineRetentionPct, BigDecimal singleLineLogoRetentionPct) {
    }

    public static CohortRetentionJson of(AttachedCohortRetention retention) {
        return new CohortRetentionJson(retention.month().toString(), retention.attachedCustomers(),
                retention.singleLineCustomers(), retention.points().stream().map(p -> new Point(p.monthsAfter(),
                        p.day().toString(), present(p.attachedLogoRetentionPct()), present(p.attachedLineRetentionPct()),
                        present(p.singleLineLogoRetentionPct()))).toList());
    }
}
