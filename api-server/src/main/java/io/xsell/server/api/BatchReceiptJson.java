package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.engagement.BatchReceipt;

/**
 * The answer to {@code POST /v1/campaigns}, {@code /v1/touchpoints} and {@code /v1/usage-events}:
 * the same for the first submission and every retry with its idempotency key.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchReceiptJson(String idempotencyKey, String kind, int rows, String receivedAt) {

    public static BatchReceiptJson of(BatchReceipt receipt) {
        return new BatchReceiptJson(receipt.batch().idempotencyKey(), receipt.batch().kind().code(),
                receipt.batch().rows(), receipt.batch().receivedAt().toString());
    }
}
