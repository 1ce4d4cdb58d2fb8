package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A setup fee, service or credit. Recorded and reported as one-time revenue, never part of MRR
 * or cross-sell revenue. A credit is a negative amount.
 */
public record OneTimeCharge(String id, String customerId, String productId, LocalDate date, BigDecimal amount,
                            String currency, String description) {
    public OneTimeCharge {
        Ids.require(id, "charge_id");
        Ids.require(customerId, "customer_id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Bounds.optionalId(productId, "product_id");
        Bounds.magnitude(amount, "amount");
        Bounds.length(description, "description", Bounds.NAME_MAX);
        currency = CurrencyCode.require(currency);
    }
}
