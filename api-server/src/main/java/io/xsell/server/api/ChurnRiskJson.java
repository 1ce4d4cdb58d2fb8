package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.ChurnRiskCorrelation;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/analytics/churn-risk}: logo churn in the window by lines held at its start. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChurnRiskJson(String from, String to, List<Group> byLinesHeld, Group overall) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Group(String linesHeld, long customers, long churned, BigDecimal churnRatePct) {
        static Group of(ChurnRiskCorrelation.Group g) {
            return new Group(g.linesHeld(), g.customers(), g.churned(), present(g.churnRatePct()));
        }
    }

    public static ChurnRiskJson of(ChurnRiskCorrelation churn) {
        return new ChurnRiskJson(churn.window().from().toString(), churn.window().to().toString(),
                churn.groups().stream().map(Group::of).toList(), Group.of(churn.overall()));
    }
}
