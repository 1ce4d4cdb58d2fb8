package io.xsell.core.movement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One change of one customer's MRR on one product line on one day. Changes within a day are
 * netted, so a customer has at most one movement per line per day.
 *
 * @param day          epoch day of the change
 * @param line         index of the product line in the ledger
 * @param amount       signed MRR change: positive for growth, negative for loss
 * @param bundleDriven for a cross-sell: an item of the line that became active that day carries a bundle id
 */
public record Movement(int day, int line, MovementType type, BigDecimal amount, boolean bundleDriven) {
    public LocalDate date() {
        return LocalDate.ofEpochDay(day);
    }
}
