package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.server.port.in.ConnectionView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection (Stripe or Chargebee, named by {@code provider}; {@code type} is its older name) as
 * clients see it: never the API key nor the webhook secret or credentials, only the
 * key's last four characters to tell keys apart.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StripeConnectionJson(String id, String provider, String type, String site, boolean livemode, String keyHint, String reportingCurrency,
                                   Map<String, Map<String, String>> productLines, int fxRates, boolean webhookSecretSet,
                                   String webhookUrl, String createdAt, String lastSyncedAt) {

    public static StripeConnectionJson of(ConnectionView connection) {
        Map<String, Map<String, String>> lines = new LinkedHashMap<>();
        connection.productLines().forEach((product, override) -> {
            Map<String, String> value = new LinkedHashMap<>();
            value.put("product_line", override.productLine());
            if (override.kind() != null) {
                value.put("kind", override.kind().code());
            }
            lines.put(product, value);
        });
        return new StripeConnectionJson(connection.id(), connection.type(), connection.type(), connection.account(), connection.livemode(), "…" + connection.keyHint(),
                connection.reportingCurrency(), lines, connection.fxRateCount(), connection.hasWebhookSecret(),
                "/v1/webhooks/" + connection.type() + "/" + connection.id(), connection.createdAt().toString(),
                connection.lastSyncedAt() == null ? null : connection.lastSyncedAt().toString());
    }
}
