package io.xsell.ingestion.stripe.synthetic;

import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.StripeObjectType;

/**
 * One thing that happened in a synthetic account: the event Stripe publishes for it ({@code type},
 * {@code created}), the object's state right after it, and, for {@code *.updated} events, the
 * values it changed ({@code data.previous_attributes}, null otherwise).
 */
public record StripeFakeEvent(String id, String type, StripeObjectType objectType, String objectId, long created,
                              String objectJson, JsonObject previousAttributes) {
}
