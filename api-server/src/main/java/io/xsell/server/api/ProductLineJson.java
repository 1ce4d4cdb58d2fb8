package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.ProductLineMetrics;
import java.math.BigDecimal;
import java.util.List;

/** One entry of {@code by_product_line[]}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductLineJson(
        String productLine,
        String kind,
        BigDecimal crossSellMrr,
        BigDecimal shareOfCrossSellPct,
        long attaches,
        long holders,
        BigDecimal penetrationPct,
        BigDecimal upsellMrr,
        BigDecimal lineChurnMrr) {

    public static ProductLineJson of(ProductLineMetrics line) {
        return new ProductLineJson(line.productLine(), line.kind().code(), present(line.crossSellMrr()),
                present(line.shareOfCrossSellPct()), line.attaches(), line.holders(), present(line.penetrationPct()),
                present(line.upsellMrr()), present(line.lineChurnMrr()));
    }

    public static List<ProductLineJson> of(List<ProductLineMetrics> lines) {
        return lines.stream().map(ProductLineJson::of).toList();
    }
}
