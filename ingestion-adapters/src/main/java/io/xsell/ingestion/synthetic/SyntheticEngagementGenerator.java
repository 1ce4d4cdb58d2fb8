package io.xsell.ingestion.synthetic;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Adds campaigns, touchpoints and usage to a generated account, shaped so that the engagement
 * analytics have something to find: most cross-sells of a line are preceded by a touch of a
 * campaign promoting it (some within the 30-day attribution window, some earlier), other
 * customers are touched at random, one campaign costs nothing, and customers holding more lines
 * use more features. Usage covers the last twelve months of the history, one event per feature
 * used per active month. Deterministic for a seed.
 */
public final class SyntheticEngagementGenerator {
    private static final String[] FEATURES = {"dashboards", "reports", "export", "api", "alerts", "sso", "workflows",
            "integrations", "audit_log", "mobile"};
    private static final String[] CHANNELS = {"email", "in_app", "csm", "webinar"};
    private static final Map<String, BigDecimal> COST_BY_CHANNEL = Map.of("email", new BigDecimal("2500"),
            "in_app", new BigDecimal("800"), "csm", new BigDecimal("18000"), "webinar", new BigDecimal("4500"));

    private SyntheticEngagementGenerator() {
    }

    /** {@code dataset} with engagement data; {@code historyEnd} is the last day of its history. */
    public static TenantDataset withEngagement(TenantDataset dataset, long seed, LocalDate historyEnd) {
        return withEngagement(dataset, seed, historyEnd, false);
    }

    /**
     * {@code dataset} with engagement data; when {@code independent}, touches are random (none
     * aimed at a coming cross-sell) and the number of features a customer uses does not depend on
     * the lines it holds: the null world of {@link SyntheticEffects#none()}.
     */
    public static TenantDataset withEngagement(TenantDataset dataset, long seed, LocalDate historyEnd,
                                               boolean independent) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
        LocalDate campaignStart = historyEnd.minusYears(2).withDayOfMonth(1);
        Map<String, List<String>> campaignsByLine = new TreeMap<>();
        List<Campaign> campaigns = new ArrayList<>();
        Map<String, LineKind> lines = new TreeMap<>();
        for (Product p : dataset.products()) {
            lines.putIfAbsent(p.productLine(), p.kind());
        }
        int n = 0;
        for (Map.Entry<String, LineKind> line : lines.entrySet()) {
            if (line.getValue() == LineKind.CORE) {
                continue;
            }
            for (String channel : List.of("email", CHANNELS[1 + n++ % (CHANNELS.length - 1)])) {
                String id = line.getKey() + "-" + channel;
                campaigns.add(new Campaign(id, "Promote " + line.getKey() + " (" + channel + ")", channel,
                        COST_BY_CHANNEL.get(channel), dataset.reportingCurrency(), campaignStart, null, line.getKey()));
                campaignsByLine.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(id);
            }
        }
        campaigns.add(new Campaign("discover-tour", "Product tour", "in_app", BigDecimal.ZERO,
                dataset.reportingCurrency(), campaignStart, null, null));

        Map<String, String> lineOfProduct = new HashMap<>();
        dataset.products().forEach(p -> lineOfProduct.put(p.id(), p.productLine()));
        Map<String, List<RecurringItem>> itemsByCustomer = new HashMap<>();
        for (RecurringItem item : dataset.items()) {
            itemsByCustomer.computeIfAbsent(item.customerId(), k -> new ArrayList<>()).add(item);
        }
        List<Touchpoint> touchpoints = new ArrayList<>();
        UsageLog.Builder usage = UsageLog.builder();
        LocalDate usageStart = historyEnd.minusMonths(12).withDayOfMonth(1);
        int touchSpan = (int) (historyEnd.toEpochDay() - campaignStart.toEpochDay());
        for (var customer : dataset.customers()) {
            List<RecurringItem> items = itemsByCustomer.getOrDefault(customer.id(), List.of());
            LocalDate first = items.stream().map(RecurringItem::startDate).min(LocalDate::compareTo).orElse(null);
            for (RecurringItem item : items) {
                List<String> promoting = campaignsByLine.get(lineOfProduct.get(item.productId()));
                if (!independent && promoting != null && item.startDate().isAfter(first) && !item.startDate().isBefore(campaignStart)
                        && random.nextDouble() < 0.55) {
                    touchpoints.add(new Touchpoint(customer.id(), promoting.get(random.nextInt(promoting.size())),
                            item.startDate().minusDays(random.nextInt(45))));
                }
            }
            if (random.nextDouble() < 0.25) {
                String campaign = campaigns.get(random.nextInt(campaigns.size())).id();
                touchpoints.add(new Touchpoint(customer.id(), campaign, campaignStart.plusDays(random.nextInt(touchSpan))));
            }
            addUsage(usage, random, customer.id(), items, lineOfProduct, usageStart, historyEnd, independent);
        }
        return dataset.withEngagement(EngagementData.of(campaigns, touchpoints, usage.build()));
    }

    private static void addUsage(UsageLog.Builder usage, SplittableRandom random, String customer,
                                 List<RecurringItem> items, Map<String, String> lineOfProduct, LocalDate from,
                                 LocalDate historyEnd, boolean independent) {
        for (LocalDate month = from; !month.isAfter(historyEnd); month = month.plusMonths(1)) {
            LocalDate start = month;
            LocalDate end = month.plusMonths(1);
            long lines = items.stream()
                    .filter(i -> i.startDate().isBefore(end) && (i.endDate() == null || i.endDate().isAfter(start)))
                    .map(i -> lineOfProduct.get(i.productId())).distinct().count();
            if (lines == 0) {
                continue;
            }
            int features = independent ? 1 + random.nextInt(6)
                    : (int) Math.min(FEATURES.length, lines * 2 - 1 + random.nextInt(2));
            int days = (int) (Math.min(end.toEpochDay(), historyEnd.toEpochDay() + 1) - start.toEpochDay());
            for (int f = 0; f < features; f++) {
                if (random.nextDouble() < 0.7) {
                    usage.add(customer, FEATURES[f], start.plusDays(random.nextInt(days)), 1 + random.nextInt(25));
                }
            }
        }
    }
}
