package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.WindowMetrics;
import java.math.BigDecimal;

/** The window metric set as clients read it: snake_case names, money and percentages to 2 decimals. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WindowMetricsJson(
        BigDecimal startingMrr,
        BigDecimal endingMrr,
        long startingCustomers,
        long endingCustomers,
        BigDecimal newBusinessMrr,
        BigDecimal reactivationMrr,
        BigDecimal crossSellMrr,
        BigDecimal cohortCrossSellMrr,
        BigDecimal bundleCrossSellMrr,
        BigDecimal standaloneCrossSellMrr,
        BigDecimal upsellMrr,
        BigDecimal expansionMrr,
        BigDecimal contractionMrr,
        BigDecimal lineChurnMrr,
        BigDecimal churnMrr,
        BigDecimal netMrrChange,
        BigDecimal crossSellShareOfExpansionPct,
        BigDecimal crossSellRatePct,
        BigDecimal annualizedCrossSellRatePct,
        BigDecimal customerCrossSellRatePct,
        BigDecimal rpaCrossSell,
        long crossSellAttaches,
        BigDecimal attachmentRate,
        BigDecimal productsPerCustomer,
        BigDecimal incrementalRevenue,
        BigDecimal oneTimeRevenue,
        BigDecimal arr,
        BigDecimal netRevenueRetentionPct,
        BigDecimal grossRevenueRetentionPct,
        BigDecimal quickRatio) {

    public static WindowMetricsJson of(WindowMetrics m) {
        return new WindowMetricsJson(
                present(m.startingMrr()),
                present(m.endingMrr()),
                m.startingCustomers(),
                m.endingCustomers(),
                present(m.newBusinessMrr()),
                present(m.reactivationMrr()),
                present(m.crossSellMrr()),
                present(m.cohortCrossSellMrr()),
                present(m.bundleCrossSellMrr()),
                present(m.standaloneCrossSellMrr()),
                present(m.upsellMrr()),
                present(m.expansionMrr()),
                present(m.contractionMrr()),
                present(m.lineChurnMrr()),
                present(m.churnMrr()),
                present(m.netMrrChange()),
                present(m.crossSellShareOfExpansionPct()),
                present(m.crossSellRatePct()),
                present(m.annualizedCrossSellRatePct()),
                present(m.customerCrossSellRatePct()),
                present(m.rpaCrossSell()),
                m.crossSellAttaches(),
                present(m.attachmentRate()),
                present(m.productsPerCustomer()),
                present(m.incrementalRevenue()),
                present(m.oneTimeRevenue()),
                present(m.arr()),
                present(m.netRevenueRetentionPct()),
                present(m.grossRevenueRetentionPct()),
                present(m.quickRatio()));
    }
}
