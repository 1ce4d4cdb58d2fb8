package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.PenetrationReport;
import io.xsell.core.model.DisplayNames;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /v1/metrics/penetration}: per line its holders and penetration, plus
 * products per customer and how many customers hold 1, 2, 3 and 4 or more lines.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PenetrationJson(String date, long activeCustomers, List<Line> lines, BigDecimal productsPerCustomer,
                              Map<String, Long> distribution) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String productLine, String productLineName, String kind, long holders, BigDecimal penetrationPct) {
    }

    public static PenetrationJson of(PenetrationReport report, DisplayNames names) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        String[] buckets = {"1", "2", "3", "4+"};
        for (int i = 0; i < buckets.length; i++) {
            distribution.put(buckets[i], report.distribution().get(i));
        }
        return new PenetrationJson(report.date().toString(), report.activeCustomers(),
                report.lines().stream().map(l -> new Line(l.productLine(), names.line(l.productLine()), l.kind().code(), l.holders(),
                        present(l.penetrationPct()))).toList(),
                present(report.productsPerCustomer()), distribution);
    }
}
