package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * A billing-system connection as the use cases hand it out: never its key nor its webhook secret.
 *
 * @param keyHint      the key's last four characters, to tell keys apart
 * @param lastSyncedAt null until a sync has succeeded
 * @param account      the provider account where the key alone does not name it (a Chargebee site), else null
 */
public record ConnectionView(String id, TenantId tenant, String type, Instant createdAt, boolean livemode,
                             String keyHint, boolean hasWebhookSecret, String reportingCurrency,
                             Map<String, ProductLineOverride> productLines, int fxRateCount, Instant lastSyncedAt,
                             String account) {
}
