package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.ChargesImage;
import io.xsell.core.model.CurrencyCode;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.FxRates;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.TenantDataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One import: files are fed in any order (a zip decides its own), then {@link #finish()} runs the
 * cross-file checks and builds the dataset, or throws with every error found. Used once.
 */
final class ImportSession {
    private final String givenCurrency;
    private final ErrorCollector errors = new ErrorCollector();
    private final Set<ImportFile> present = EnumSet.noneOf(ImportFile.class);
    private final CustomersTable customers;
    private final ProductsTable products;
    private final FxRatesTable fxRates;
    private SubscriptionItemsTable items;
    private final OneTimeChargesTable charges;
    private final CampaignsTable campaigns;
    private final TouchpointsTable touchpoints;
    private final UsageEventsTable usage;

    /** @param reportingCurrency ISO 4217 code, or null/blank to infer it from the subscription items */
    ImportSession(String reportingCurrency) {
        this(reportingCurrency, false);
    }

    /**
     * @param canReadAgain the caller can read a file again when {@link #read(ImportFile, InputStream, long)}
     *                     asks it to: the items' ids are then checked for repeats once their file is read,
     *                     and only a file where one may repeat is read a second time (see {@link IdHashes})
     */
    ImportSession(String reportingCurrency, boolean canReadAgain) {
        this.givenCurrency = normalizeCurrency(reportingCurrency);
        CellParser cells = new CellParser();
        customers = new CustomersTable(errors);
        products = new ProductsTable(errors, cells);
        fxRates = new FxRatesTable(errors, cells);
        items = new SubscriptionItemsTable(errors, customers, products, canReadAgain);
        charges = new OneTimeChargesTable(errors, cells, customers, products);
        campaigns = new CampaignsTable(errors, cells);
        touchpoints = new TouchpointsTable(errors, cells, customers, products);
        usage = new UsageEventsTable(errors, cells, customers, products);
    }

    ErrorCollector errors() {
        return errors;
    }

    /** Reads one file of the import. */
    void read(ImportFile file, InputStream in) throws IOException {
        if (!read(file, in, -1)) {
            throw new IllegalStateException("a session that can read a file again needs its size and a second stream");
        }
    }

    /**
     * Reads one file of {@code bytes} (-1 when not known), which tables may size what they keep by.
     * False when the file must be read again (only in a session that {@code canReadAgain}): what this
     * reading found is forgotten, errors included.
     */
    boolean read(ImportFile file, InputStream in, long bytes) throws IOException {
        present.add(file);
        TableReader table = switch (file) {
            case CUSTOMERS -> customers;
            case PRODUCTS -> products;
            case FX_RATES -> fxRates;
            case SUBSCRIPTION_ITEMS -> items;
            case ONE_TIME_CHARGES -> charges;
            case CAMPAIGNS -> campaigns;
            case TOUCHPOINTS -> touchpoints;
            case USAGE_EVENTS -> usage;
        };
        ErrorCollector.Mark before = errors.mark();
        CsvTableParser.read(file, in, bytes, errors, table);
        if (table == items && items.mustBeReadAgain()) {
            errors.rollBack(before);
            items = new SubscriptionItemsTable(errors, customers, products, false);
            return false;
        }
        return true;
    }

    TenantDataset finish() {
        for (ImportFile file : ImportFile.values()) {
            if (file.required() && !present.contains(file)) {
                errors.add(file, 0, null, "required file " + file.fileName() + " is missing (expected in the "
                        + "folder, or at the root of the zip or inside its one top-level folder)");
            }
        }
        CrossFileChecks.references(items, customers, products, errors);
        CrossFileChecks.references(charges, customers, products, errors);
        CrossFileChecks.references(ImportFile.TOUCHPOINTS, touchpoints.pendingReferences(), customers, products, errors);
        CrossFileChecks.references(ImportFile.USAGE_EVENTS, usage.pendingReferences(), customers, products, errors);
        CrossFileChecks.campaignReferences(touchpoints, campaigns, present.contains(ImportFile.CAMPAIGNS), errors);
        CrossFileChecks.targetLines(campaigns, products, errors);
        Set<String> rated = fxRates.rates().stream().map(FxRate::currency).collect(Collectors.toSet());
        String reportingCurrency = CrossFileChecks.reportingCurrency(givenCurrency, items, rated, errors);
        // An unreadable fx_rates.csv is reported already; every foreign row would only repeat it.
        boolean ratesUsable = !present.contains(ImportFile.FX_RATES) || fxRates.read();
        if (reportingCurrency != null && ratesUsable) {
            FxRates rates = new FxRates(reportingCurrency, fxRates.rates());
            CrossFileChecks.fxCoverage(items, rates, errors);
            CrossFileChecks.fxCoverage(charges, rates, errors);
        }
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        try {
            // Every rule TenantDataset.of checks has been checked above, naming file and line; the items
            // go straight from their columns into the dataset's, as a snapshot's do.
            Map<String, Integer> positions = customers.positions();
            TenantDataset dataset = TenantDataset.fromImage(reportingCurrency, customers.customers(),
                    products.products(), fxRates.rates(), items.items(), positions,
                    ChargesImage.of(charges.charges(), positions));
            if (present.contains(ImportFile.CAMPAIGNS) || present.contains(ImportFile.TOUCHPOINTS)
                    || present.contains(ImportFile.USAGE_EVENTS)) {
                dataset = dataset.withEngagement(EngagementData.of(campaigns.campaigns(), touchpoints.touchpoints(),
                        usage.usage()));
            }
            return dataset;
        } catch (InvalidDatasetException e) {
            // Only reachable if the model gained a rule these checks lack; the problems name no file or line.
            for (String problem : e.problems()) {
                errors.add((String) null, 0, null, problem);
            }
            throw errors.toException();
        } catch (IllegalArgumentException e) {
            // As above: a rule of the columns these checks lack.
            errors.add((String) null, 0, null, e.getMessage());
            throw errors.toException();
        }
    }

    /** The upper-case code, or null for null or blank; throws for a code that is not ISO 4217. */
    static String normalizeCurrency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return CurrencyCode.require(code.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reporting currency " + Bounds.quote(code) + " is not an ISO 4217 currency code", e);
        }
    }
}
