package io.xsell.server.persistence;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads every source of one tenant's engagement data inside the caller's transaction. A campaign
 * id present in several sources is the API's version (it is the later word); touchpoints of a
 * campaign no source holds any more (a re-import dropped it) are left out. Usage rows stream from
 * a cursor straight into a columnar {@link UsageLog}.
 */
final class EngagementReader {
    static final String API_SOURCE = "api";
    private static final int FETCH_SIZE = 10_000;

    private final Handle handle;
    private final String tenant;
    private final SharedValues shared = new SharedValues();

    EngagementReader(Handle handle, String tenant) {
        this.handle = handle;
        this.tenant = tenant;
    }

    EngagementData read() {
        Map<String, Campaign> campaigns = campaigns();
        List<Touchpoint> touchpoints = new ArrayList<>();
        // the API's rows last, so that a load that appends only the newest batches to a cached
        // one gives the same order as a full load
        touchpoints("SELECT customer_id, campaign_id, touch_date FROM touchpoints WHERE tenant_id = ? "
                + "ORDER BY CASE WHEN source = '" + API_SOURCE + "' THEN 1 ELSE 0 END, source, seq", campaigns,
                touchpoints);
        UsageLog.Builder usage = UsageLog.builder();
        usage("SELECT customer_id, feature, event_date, event_count FROM usage_events WHERE tenant_id = ?", usage);
        if (campaigns.isEmpty() && touchpoints.isEmpty() && usage.size() == 0) {
            return EngagementData.empty();
        }
        return EngagementData.of(new ArrayList<>(campaigns.values()), touchpoints, usage.build());
    }

    /**
     * {@code previous}, loaded at engagement version {@code since} with the data version unchanged
     * since, plus the API batches stored after it. Campaigns are read afresh (a batch may replace
     * one); touchpoints and usage events are only ever added by batches.
     */
    EngagementData readSince(EngagementData previous, long since, long seqPerBatch) {
        Map<String, Campaign> campaigns = campaigns();
        for (Campaign known : previous.campaigns()) {
            campaigns.remove(known.id());
        }
        if (!campaigns.isEmpty() && !previous.touchpoints().isEmpty()) {
            // a new campaign id may revive touchpoints a full load left out (their campaign had
            // gone with a re-import): only a full load knows them
            return read();
        }
        campaigns = campaigns();
        List<Touchpoint> touchpoints = new ArrayList<>(previous.touchpoints());
        touchpoints("SELECT customer_id, campaign_id, touch_date FROM touchpoints WHERE tenant_id = ? AND source = '"
                + API_SOURCE + "' AND seq >= " + (since + 1) * seqPerBatch + " ORDER BY seq", campaigns, touchpoints);
        UsageLog.Builder usage = UsageLog.builder();
        usage("SELECT customer_id, feature, event_date, event_count FROM usage_events WHERE tenant_id = ? AND source = '"
                + API_SOURCE + "' AND engagement_version > " + since, usage);
        return EngagementData.of(new ArrayList<>(campaigns.values()), touchpoints,
                previous.usage().append(usage.build()));
    }

    private Map<String, Campaign> campaigns() {
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        handle.createQuery("SELECT campaign_id, name, channel, cost, currency, start_date, end_date, "
                        + "target_product_line, source FROM campaigns WHERE tenant_id = ? ORDER BY source, campaign_id")
                .bind(0, tenant)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        Campaign campaign = new Campaign(rs.getString(1), rs.getString(2), rs.getString(3),
                                new java.math.BigDecimal(rs.getString(4)), rs.getString(5), shared.date(rs.getString(6)),
                                shared.date(rs.getString(7)), rs.getString(8));
                        if (API_SOURCE.equals(rs.getString(9)) || !campaigns.containsKey(campaign.id())) {
                            campaigns.put(campaign.id(), campaign);
                        }
                    }
                    return null;
                });
        return campaigns;
    }

    private void touchpoints(String sql, Map<String, Campaign> campaigns, List<Touchpoint> into) {
        handle.createQuery(sql)
                .bind(0, tenant)
                .setFetchSize(FETCH_SIZE)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        String campaign = shared.string(rs.getString(2));
                        if (campaigns.containsKey(campaign)) {
                            into.add(new Touchpoint(shared.string(rs.getString(1)), campaign,
                                    shared.date(rs.getString(3))));
                        }
                    }
                    return null;
                });
    }

    private void usage(String sql, UsageLog.Builder into) {
        handle.createQuery(sql)
                .bind(0, tenant)
                .setFetchSize(FETCH_SIZE)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        into.add(rs.getString(1), rs.getString(2), epochDay(rs.getString(3)), rs.getInt(4));
                    }
                    return null;
                });
    }

    /** {@code YYYY-MM-DD} as written by the writers, without LocalDate.parse's formatter machinery per row. */
    static int epochDay(String isoDate) {
        if (isoDate.length() != 10 || isoDate.charAt(4) != '-' || isoDate.charAt(7) != '-') {
            return Math.toIntExact(LocalDate.parse(isoDate).toEpochDay());
        }
        int year = digits(isoDate, 0, 4);
        int month = digits(isoDate, 5, 7);
        int day = digits(isoDate, 8, 10);
        return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("stored date '" + text + "' is not YYYY-MM-DD");
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
