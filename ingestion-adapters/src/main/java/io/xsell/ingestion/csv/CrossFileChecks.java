package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.FxRates;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that span files, run once every file has been read. */
final class CrossFileChecks {
    private static final String CUSTOMERS_FILE = ImportFile.CUSTOMERS.fileName();
    private static final String PRODUCTS_FILE = ImportFile.PRODUCTS.fileName();

    private CrossFileChecks() {
    }

    /**
     * Reports ids the referenced file does not hold. Skipped against a file that is missing, has an
     * unusable header or stopped before its end: that is already reported, and every row would repeat it.
     */
    static void references(ReferencingTable table, CustomersTable customers, ProductsTable products,
                           ErrorCollector errors) {
        references(table.file(), table.pendingReferences(), customers, products, errors);
    }

    static void references(ImportFile file, PendingReferences pending, CustomersTable customers,
                           ProductsTable products, ErrorCollector errors) {
        pending.forEach((line, column, id) -> {
            boolean customer = column.equals(PendingReferences.CUSTOMER_ID);
            boolean checkable = customer ? customers.read() : products.read();
            IdLineIndex known = customer ? customers.ids() : products.ids();
            if (checkable && !known.contains(id)) {
                errors.add(file, line, column, "unknown " + column + " " + Bounds.quote(id) + " (not in "
                        + (customer ? CUSTOMERS_FILE : PRODUCTS_FILE) + ")");
            }
        });
    }

    /** Reports touchpoints whose campaign campaigns.csv does not hold (all of them when the file is absent). */
    static void campaignReferences(TouchpointsTable touchpoints, CampaignsTable campaigns, boolean campaignsPresent,
                                   ErrorCollector errors) {
        if (campaignsPresent && !campaigns.read()) {
            return;
        }
        String file = ImportFile.TOUCHPOINTS.fileName();
        for (TouchpointsTable.PendingCampaign reference : touchpoints.campaignReferences()) {
            if (!campaigns.ids().contains(reference.id())) {
                errors.add(file, reference.line(), TouchpointsTable.CAMPAIGN_ID, "unknown campaign_id "
                        + Bounds.quote(reference.id()) + " (not in " + ImportFile.CAMPAIGNS.fileName() + ")");
            }
        }
    }

    /** Reports campaigns targeting a line no product of products.csv belongs to (a misspelt line, most often). */
    static void targetLines(CampaignsTable campaigns, ProductsTable products, ErrorCollector errors) {
        if (!products.read()) {
            return;
        }
        Set<String> lines = new java.util.HashSet<>();
        products.products().forEach(p -> lines.add(p.productLine()));
        List<io.xsell.core.model.Campaign> list = campaigns.campaigns();
        for (int i = 0; i < list.size(); i++) {
            String target = list.get(i).targetProductLine();
            if (target != null && !lines.contains(target)) {
                errors.add(ImportFile.CAMPAIGNS.fileName(), campaigns.line(i), "target_product_line",
                        "unknown target_product_line " + Bounds.quote(target) + " (no product of " + PRODUCTS_FILE
                                + " is in that line)");
            }
        }
    }

    /**
     * The given currency; else the single currency of the subscription items; else, when the items
     * use several, the one of them that fx_rates.csv gives no rate for (rates convert into the
     * reporting currency, so it is the one that needs none). Null, with an error reported, when it
     * cannot be inferred; null without one when the items are unreadable anyway.
     */
    static String reportingCurrency(String given, SubscriptionItemsTable items, Set<String> ratedCurrencies,
                                    ErrorCollector errors) {
        if (given != null) {
            return given;
        }
        Map<String, Integer> currencies = items.firstLineByCurrency();
        if (currencies.size() == 1) {
            return currencies.keySet().iterator().next();
        }
        List<String> unrated = currencies.keySet().stream().filter(c -> !ratedCurrencies.contains(c)).toList();
        if (currencies.size() > 1 && unrated.size() == 1) {
            return unrated.get(0);
        }
        String file = ImportFile.SUBSCRIPTION_ITEMS.fileName();
        if (currencies.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(file, 0, "currency", "there are no subscription items to infer the reporting currency "
                        + "from; give a reporting currency");
            }
            return null;
        }
        Iterator<Map.Entry<String, Integer>> inOrder = currencies.entrySet().iterator();
        Map.Entry<String, Integer> first = inOrder.next();
        Map.Entry<String, Integer> second = inOrder.next();
        errors.add(file, second.getValue(), "currency", "items use several currencies (" + first.getKey()
                + " from line " + first.getValue() + ", " + second.getKey() + " from this line"
                + (currencies.size() > 2 ? ", and " + (currencies.size() - 2) + " more" : "")
                + ") and fx_rates.csv does not single out one without rates; give a reporting currency, and rates "
                + "for the others in " + ImportFile.FX_RATES.fileName());
        return null;
    }

    /** Reports every row priced in a foreign currency that has no rate on or before its day. */
    static void fxCoverage(ReferencingTable table, FxRates rates, ErrorCollector errors) {
        ImportFile file = table.file();
        String reporting = rates.reportingCurrency();
        table.forEachPriceRefused(rates::covers, (line, currency, day) ->
                errors.add(file, line, "currency", "no " + currency + " rate in " + ImportFile.FX_RATES.fileName()
                        + " on or before " + day + " (the " + table.pricedOnColumn() + "); " + currency
                        + " is not the reporting currency " + reporting));
    }
}
