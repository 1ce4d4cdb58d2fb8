package io.xsell.ingestion.stripe.sync;

import io.xsell.ingestion.stripe.StripeObjectType;

/**
 * A Stripe object to store, or a deletion.
 *
 * @param version Unix time of the state it carries: the event's creation, or when a backfill read it.
 *                A stored object is only replaced by an equal or newer version, so events applied in
 *                any order, or twice, leave the newest state
 * @param json    null for a deletion
 */
public record StripeRecord(StripeObjectType type, String id, long version, String json) {
    public boolean deleted() {
        return json == null;
    }
}
