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
        List<Touchpoint> touchpoints = new ArrayList<>();
        handle.createQuery("SELECT customer_id, campaign_id, touch_date FROM touchpoints WHERE tenant_id = ? "
                        + "ORDER BY source, seq")
                .bind(0, tenant)
                .setFetchSize(FETCH_SIZE)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        String campaign = shared.string(rs.getString(2));
                        if (campaigns.containsKey(campaign)) {
                            touchpoints.add(new Touchpoint(shared.string(rs.getString(1)), campaign,
                                    shared.date(rs.getString(3))));
                        }
                    }
                    return null;
                });
        UsageLog.Builder usage = UsageLog.builder();
        handle.createQuery("SELECT customer_id, feature, event_date, event_count FROM usage_events WHERE tenant_id = ?")
                .bind(0, tenant)
                .setFetchSize(FETCH_SIZE)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    while (rs.next()) {
                        usage.add(rs.getString(1), rs.getString(2), epochDay(rs.getString(3)), rs.getInt(4));
                    }
                    return null;
                });
        if (campaigns.isEmpty() && touchpoints.isEmpty() && usage.size() == 0) {
            return EngagementData.empty();
        }
        return EngagementData.of(new ArrayList<>(campaigns.values()), touchpoints, usage.build());
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
