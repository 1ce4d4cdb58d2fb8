package io.xsell.core.mrr;

import java.math.BigDecimal;

/** A one-time charge converted to the reporting currency at the rate of its day. */
public record PricedCharge(int day, BigDecimal amount) {
}
