package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.analytics.AttachConcentration;
import io.xsell.core.analytics.ProductsPerCustomer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /v1/analytics/products-per-customer}: per month products per customer and
 * the distribution of lines held (1, 2, 3, 4+), and the share of attaches made by the top 10 %.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductsPerCustomerJson(String from, String to, List<Month> months, Concentration concentration) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Month(String from, String to, String date, int activeCustomers, long linesHeld,
                        BigDecimal productsPerCustomer, Map<String, Integer> distribution,
                        Map<String, BigDecimal> distributionPct) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Concentration(int attachingCustomers, long attaches, int topCustomers, long topAttaches,
                                BigDecimal topShareOfAttachesPct) {
        static Concentration of(AttachConcentration c) {
            return new Concentration(c.attachingCustomers(), c.attaches(), c.topCustomers(), c.topAttaches(),
                    present(c.topShareOfAttachesPct()));
        }
    }

    public static ProductsPerCustomerJson of(ProductsPerCustomer answer) {
        var trajectory = answer.trajectory();
        List<Month> months = trajectory.months().stream().map(m -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("1", m.holdingOne());
            counts.put("2", m.holdingTwo());
            counts.put("3", m.holdingThree());
            counts.put("4+", m.holdingFourOrMore());
            Map<String, BigDecimal> pct = new LinkedHashMap<>();
            pct.put("1", present(m.holdingOnePct()));
            pct.put("2", present(m.holdingTwoPct()));
            pct.put("3", present(m.holdingThreePct()));
            pct.put("4+", present(m.holdingFourOrMorePct()));
            return new Month(m.period().from().toString(), m.period().to().toString(), m.day().toString(),
                    m.activeCustomers(), m.linesHeld(), present(m.productsPerCustomer()), counts, pct);
        }).toList();
        return new ProductsPerCustomerJson(trajectory.window().from().toString(), trajectory.window().to().toString(),
                months, Concentration.of(answer.concentration()));
    }
}
