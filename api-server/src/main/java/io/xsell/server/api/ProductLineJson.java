package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.metrics.ProductLineMetrics;
import io.xsell.core.model.DisplayNames;
import java.math.BigDecimal;
import java.util.List;

/** One entry of {@code by_product_line[]}; {@code product_line_name} is the display name, else the id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductLineJson(
        String productLine,
        String productLineName,
        String kind,
        BigDecimal crossSellMrr,
        BigDecimal shareOfCrossSellPct,
        long attaches,
        long holders,
        BigDecimal penetrationPct,
        BigDecimal upsellMrr,
        BigDecimal lineChurnMrr) {

    public static ProductLineJson of(ProductLineMetrics line, DisplayNames names) {
        return new ProductLineJson(line.productLine(), names.line(line.productLine()), line.kind().code(), present(line.crossSellMrr()),
                present(line.shareOfCrossSellPct()), line.attaches(), line.holders(), present(line.penetrationPct()),
                present(line.upsellMrr()), present(line.lineChurnMrr()));
    }

    public static List<ProductLineJson> of(List<ProductLineMetrics> lines, DisplayNames names) {
        return lines.stream().map(line -> of(line, names)).toList();
    }
}
