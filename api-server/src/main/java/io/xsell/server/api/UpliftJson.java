package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.engagement.Uplift;
import java.math.BigDecimal;

/** Exposed versus unexposed cross-sell rate, the difference in percentage points and its 95 % interval. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpliftJson(long exposedCustomers, long exposedConverted, BigDecimal exposedRatePct,
                         long unexposedCustomers, long unexposedConverted, BigDecimal unexposedRatePct,
                         BigDecimal upliftPctPoints, BigDecimal ciLowPctPoints, BigDecimal ciHighPctPoints,
                         Boolean significant, @JsonProperty("p_value") BigDecimal pValue, String method, String reason) {
    static final String METHOD = "newcombe_hybrid_score_95";

    public static UpliftJson of(Uplift u) {
        return new UpliftJson(u.exposedCustomers(), u.exposedConverted(), present(u.exposedRatePct()),
                u.unexposedCustomers(), u.unexposedConverted(), present(u.unexposedRatePct()),
                present(u.upliftPctPoints()), present(u.ciLowPctPoints()), present(u.ciHighPctPoints()),
                u.significant(), u.pValue() == null ? null
                        : new BigDecimal(u.pValue(), new java.math.MathContext(3)).stripTrailingZeros(),
                u.pValue() == null ? null : METHOD, u.reason());
    }
}
