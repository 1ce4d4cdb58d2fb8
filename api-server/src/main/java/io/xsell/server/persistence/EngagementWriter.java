package io.xsell.server.persistence;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.model.UsageLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes campaigns, touchpoints and usage events of one tenant and source inside the caller's
 * transaction. Usage events are the bulk: on PostgreSQL they go in through {@code COPY}, several
 * times faster than even rewritten batched inserts; on SQLite through a JDBC batch, which in one
 * transaction is already bound by the disk.
 */
final class EngagementWriter extends SourceWriter {
    static final List<String> TABLES = List.of("campaigns", "touchpoints", "usage_events");

    private static final String CAMPAIGNS = "INSERT INTO campaigns (tenant_id, source, campaign_id, name, channel, cost, "
            + "currency, start_date, end_date, target_product_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TOUCHPOINTS = "INSERT INTO touchpoints (tenant_id, source, seq, customer_id, "
            + "campaign_id, touch_date) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String USAGE = "INSERT INTO usage_events (tenant_id, source, engagement_version, customer_id, "
            + "feature, event_date, event_count) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String USAGE_COPY = "COPY usage_events (tenant_id, source, engagement_version, customer_id, "
            + "feature, event_date, event_count) FROM STDIN (FORMAT csv)";

    EngagementWriter(Handle handle, String tenant, String source, int chunkSize) {
        super(handle, tenant, source, chunkSize);
    }

    void deleteSource() {
        deleteSource(TABLES);
    }

    /** Everything of an import; touchpoints take their position as seq, usage events engagement version 0. */
    void insert(EngagementData data) {
        insertCampaigns(data.campaigns());
        insertTouchpoints(data.touchpoints(), 0);
        UsageLog usage = data.usage();
        if (!usage.isEmpty()) {
            UsageRows rows = visitor -> usage.forEach(visitor::row);
            insertUsage(rows, 0);
        }
    }

    /** Campaigns replace earlier ones of the same id and source. */
    void upsertCampaigns(List<Campaign> campaigns) {
        try (PreparedBatch delete = handle.prepareBatch(
                "DELETE FROM campaigns WHERE tenant_id = ? AND source = ? AND campaign_id = ?")) {
            for (Campaign c : campaigns) {
                delete.bind(0, tenant).bind(1, source).bind(2, c.id()).add();
            }
            delete.execute();
        }
        insertCampaigns(campaigns);
    }

    void insertCampaigns(List<Campaign> campaigns) {
        insertInChunks(CAMPAIGNS, campaigns, (batch, index, c) -> batch.bind(2, c.id()).bind(3, c.name())
                .bind(4, c.channel()).bind(5, decimal(c.cost())).bind(6, c.currency()).bind(7, date(c.startDate()))
                .bind(8, date(c.endDate())).bind(9, c.targetProductLine()));
    }

    /** @param firstSeq seq of the first touchpoint; the others follow it */
    void insertTouchpoints(List<Touchpoint> touchpoints, long firstSeq) {
        insertInChunks(TOUCHPOINTS, touchpoints, (batch, index, t) -> batch.bind(2, firstSeq + index)
                .bind(3, t.customerId()).bind(4, t.campaignId()).bind(5, date(t.date())));
    }

    /** @param version the engagement version the batch raised the tenant to */
    void insertUsageEvents(List<UsageEvent> events, long version) {
        insertUsage(visitor -> {
            for (UsageEvent e : events) {
                visitor.row(e.customerId(), e.feature(), Math.toIntExact(e.date().toEpochDay()), e.count());
            }
        }, version);
    }

    private void insertUsage(UsageRows rows, long version) {
        Connection connection = handle.getConnection();
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                copyUsage(connection.unwrap(PGConnection.class).getCopyAPI(), rows, version);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the PostgreSQL driver's COPY API", e);
        }
        batchUsage(rows, version);
    }

    private void batchUsage(UsageRows rows, long version) {
        PreparedBatch[] batch = {handle.prepareBatch(USAGE)};
        int[] pending = {0};
        try {
            rows.forEach((customer, feature, day, count) -> {
                batch[0].bind(0, tenant).bind(1, source).bind(2, version).bind(3, customer).bind(4, feature)
                        .bind(5, LocalDate.ofEpochDay(day).toString()).bind(6, count).add();
                if (++pending[0] == chunkSize) {
                    batch[0].execute();
                    batch[0].close();
                    batch[0] = handle.prepareBatch(USAGE);
                    pending[0] = 0;
                }
            });
            if (pending[0] > 0) {
                batch[0].execute();
            }
        } finally {
            batch[0].close();
        }
    }

    /** Streams the rows as CSV in chunks: every text cell quoted, so no id or feature name can break a row. */
    private void copyUsage(CopyManager copy, UsageRows rows, long version) {
        StringBuilder chunk = new StringBuilder(1 << 16);
        int[] pending = {0};
        String prefix = quoted(tenant) + "," + quoted(source) + "," + version + ",";
        {
            rows.forEach((customer, feature, day, count) -> {
                chunk.append(prefix);
                quote(chunk, customer).append(',');
                quote(chunk, feature).append(',').append(LocalDate.ofEpochDay(day)).append(',').append(count).append('\n');
                if (++pending[0] == chunkSize * 4) {
                    copyIn(copy, chunk);
                    pending[0] = 0;
                }
            });
            if (pending[0] > 0) {
                copyIn(copy, chunk);
            }
        }
    }

    private static void copyIn(CopyManager copy, StringBuilder chunk) {
        try {
            copy.copyIn(USAGE_COPY, new java.io.StringReader(chunk.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into usage_events failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk.setLength(0);
    }

    private static String quoted(String text) {
        return quote(new StringBuilder(text.length() + 2), text).toString();
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        return out.append('"');
    }

    @FunctionalInterface
    private interface UsageRows {
        void forEach(UsageRow visitor);
    }

    @FunctionalInterface
    private interface UsageRow {
        void row(String customer, String feature, int epochDay, int count);
    }
}
