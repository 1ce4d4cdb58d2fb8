package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger's priced one-time charges as plain arrays: customer {@code c}'s are rows
 * {@code [firstCharge[c], firstCharge[c + 1])}, row {@code k} being
 * {@code new PricedCharge(day[k], amounts.get(amountCode[k]))}.
 */
public record PricedChargesImage(int[] firstCharge, int[] day, int[] amountCode, List<BigDecimal> amounts) {
}
