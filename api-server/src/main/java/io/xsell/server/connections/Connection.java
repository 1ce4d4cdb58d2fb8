package io.xsell.server.connections;

import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.provider.LineOverride;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's connected billing account, whatever its provider, without its secrets (they stay
 * sealed in storage).
 *
 * @param provider           {@code stripe} or {@code chargebee}
 * @param account            the provider's account name where the key alone does not tell it (a Chargebee site); may be null
 * @param keyHint            the key's last four characters, to tell keys apart
 * @param eventCursor        the newest event applied from the provider's event list; null before the first backfill ends
 * @param eventCursorCreated that event's time (Unix seconds)
 */
public record Connection(String id, TenantId tenant, String provider, String account, Instant createdAt,
                         boolean livemode, String keyHint, boolean hasWebhookSecret, String reportingCurrency,
                         Map<String, LineOverride> lineOverrides, List<FxRate> fxRates, String eventCursor,
                         Long eventCursorCreated, Instant lastSyncedAt) {

    /** The source name of this connection's canonical data: its own, so it never replaces another source's. */
    public String source() {
        return provider + "_" + id.substring(id.indexOf('_') + 1).replace("-", "").substring(0, 20);
    }

    /** Put before every provider id in the canonical data, so ids never collide with another source's. */
    public String idPrefix() {
        return provider + ":";
    }

    public Connection withSettings(Map<String, LineOverride> overrides, List<FxRate> rates) {
        return new Connection(id, tenant, provider, account, createdAt, livemode, keyHint, hasWebhookSecret,
                reportingCurrency, overrides, rates, eventCursor, eventCursorCreated, lastSyncedAt);
    }
}
