package io.xsell.core.model;

import java.time.LocalDate;

/** One customer reached by one campaign on one day (an email opened, a prompt shown, a call). */
public record Touchpoint(String customerId, String campaignId, LocalDate date) {
    public Touchpoint {
        InvalidFieldException.requireId(customerId, "customer_id");
        InvalidFieldException.requireId(campaignId, "campaign_id");
        InvalidFieldException.requireValue(date, "date");
    }
}
