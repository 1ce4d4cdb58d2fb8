package io.xsell.server.stripe;

import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.provider.LineOverride;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's connected Stripe account, without its secrets (they stay sealed in storage).
 *
 * @param keyHint            the key's last four characters, to tell keys apart
 * @param eventCursor        the newest event applied by the Events API; null before the first backfill ends
 * @param eventCursorCreated that event's Unix time
 */
public record StripeConnection(String id, TenantId tenant, Instant createdAt, boolean livemode, String keyHint,
                               boolean hasWebhookSecret, String reportingCurrency,
                               Map<String, LineOverride> lineOverrides, List<FxRate> fxRates, String eventCursor,
                               Long eventCursorCreated, Instant lastSyncedAt) {

    /** The source name of this connection's canonical data: its own, so it never replaces the CSV import's. */
    public String source() {
        return "stripe_" + id.substring(id.indexOf('_') + 1).replace("-", "").substring(0, 20);
    }

    /** Put before every Stripe id in the canonical data, so ids never collide with another source's. */
    public String idPrefix() {
        return "stripe:";
    }
}
