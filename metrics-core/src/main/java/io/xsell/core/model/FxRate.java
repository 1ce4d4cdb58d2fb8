package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Units of the reporting currency for one unit of {@code currency}, in force from {@code date}. */
public record FxRate(LocalDate date, String currency, BigDecimal rate) {
    public FxRate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rate, "rate");
        Bounds.magnitude(rate, "rate");
        currency = CurrencyCode.require(currency);
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be > 0, was " + rate);
        }
    }
}
