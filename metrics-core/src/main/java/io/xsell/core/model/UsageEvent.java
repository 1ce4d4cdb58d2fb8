package io.xsell.core.model;

import java.time.LocalDate;

/**
 * {@code count} uses of a product feature by a customer on one day. The row form in which usage
 * arrives; stored in bulk as a {@link UsageLog}.
 */
public record UsageEvent(String customerId, String feature, LocalDate date, int count) {
    public UsageEvent {
        InvalidFieldException.requireId(customerId, "customer_id");
        InvalidFieldException.requireId(feature, "feature");
        InvalidFieldException.requireValue(date, "date");
        if (count < 1 || count > Bounds.COUNT_MAX) {
            throw new InvalidFieldException("count", "count must be a whole number >= 1 (at most " + Bounds.COUNT_MAX + "), was " + count);
        }
    }

    public static UsageEvent of(String customerId, String feature, LocalDate date) {
        return new UsageEvent(customerId, feature, date, 1);
    }
}
