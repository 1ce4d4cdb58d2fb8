package io.xsell.core.port.in;

import io.xsell.core.engagement.BatchKind;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A batch of campaigns, touchpoints or usage events to store once under a client-chosen key.
 *
 * @param idempotencyKey 1 to 255 printable ASCII characters; a retry with the same key is answered
 *                       from the first submission
 * @param fingerprint    digest of the rows as received, to tell a retry from a reuse of the key
 * @param rows           1 to {@value #MAX_ROWS} rows of the kind's type ({@link Campaign}, {@link Touchpoint},
 *                       {@link UsageEvent})
 */
public record RecordEngagementCommand(TenantId tenant, String idempotencyKey, String fingerprint, BatchKind kind,
                                      List<?> rows) {
    public static final int MAX_ROWS = 10_000;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public RecordEngagementCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to 255 printable ASCII characters without "
                    + "spaces");
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_ROWS + " rows, this one " + rows.size());
        }
        Class<?> type = switch (kind) {
            case CAMPAIGNS -> Campaign.class;
            case TOUCHPOINTS -> Touchpoint.class;
            case USAGE_EVENTS -> UsageEvent.class;
        };
        for (Object row : rows) {
            if (!type.isInstance(row)) {
                throw new IllegalArgumentException("a " + kind.code() + " batch holds " + type.getSimpleName() + " rows");
            }
        }
        rows = List.copyOf(rows);
    }
}
