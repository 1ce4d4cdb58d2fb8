package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.engagement.EngagementReport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /v1/analytics/engagement}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EngagementReportJson(String from, String to, long activeCustomers, long customersWithUsage, long events,
                                   List<Feature> features, Depth depth, List<Quartile> quartiles,
                                   String quartilesReason) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Feature(String feature, long customers, long events, BigDecimal usersPct,
                          BigDecimal eventsPerActiveCustomerPerMonth) {
    }

    /** @param distribution active customers by distinct features used: "0", "1", "2", "3", "4+" */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Depth(BigDecimal meanFeatures, BigDecimal medianFeatures, Map<String, Long> distribution) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Quartile(int quartile, long customers, long minEvents, long maxEvents, long crossSellCustomers,
                           BigDecimal customerCrossSellRatePct, BigDecimal crossSellMrr, long churned,
                           BigDecimal churnRatePct) {
    }

    public static EngagementReportJson of(EngagementReport r) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        String[] buckets = {"0", "1", "2", "3", "4+"};
        for (int i = 0; i < buckets.length; i++) {
            distribution.put(buckets[i], r.depth().distribution().get(i));
        }
        return new EngagementReportJson(r.window().from().toString(), r.window().to().toString(), r.activeCustomers(),
                r.customersWithUsage(), r.events(),
                r.features().stream().map(f -> new Feature(f.feature(), f.customers(), f.events(), present(f.usersPct()),
                        present(f.eventsPerActiveCustomerPerMonth()))).toList(),
                new Depth(present(r.depth().meanFeatures()), present(r.depth().medianFeatures()), distribution),
                r.quartiles().stream().map(q -> new Quartile(q.quartile(), q.customers(), q.minEvents(), q.maxEvents(),
                        q.crossSellCustomers(), present(q.customerCrossSellRatePct()), present(q.crossSellMrr()),
                        q.churned(), present(q.churnRatePct()))).toList(), r.quartilesReason());
    }
}
