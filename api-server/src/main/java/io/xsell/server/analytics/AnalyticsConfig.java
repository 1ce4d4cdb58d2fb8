package io.xsell.server.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The {@code analytics:} settings. */
public class AnalyticsConfig {
    /** Gross margin of lines whose products declare none, for CLV; a request may override it. */
    @NotNull
    @DecimalMin("0")
    @DecimalMax("1")
    @JsonProperty
    private BigDecimal defaultGrossMargin = new BigDecimal("0.80");

    public BigDecimal getDefaultGrossMargin() {
        return defaultGrossMargin;
    }
}
