package io.xsell.ingestion.synthetic;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The synthetic tenant's price book. Every amount is a shared constant per (offer, segment,
 * currency): a million customers then reference a few hundred BigDecimal instances instead of
 * allocating one per item.
 */
final class Catalog {
    private Catalog() {
    }

    static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    static final int USD = 0;
    static final int EUR = 1;
    static final int GBP = 2;

    /** GBP list prices are set lower than USD/EUR, as UK price books usually are. */
    private static final BigDecimal GBP_FACTOR = new BigDecimal("0.8");

    enum Segment {
        SMB("smb"), MID_MARKET("mid_market"), ENTERPRISE("enterprise");

        final String code;

        Segment(String code) {
            this.code = code;
        }
    }

    static final Segment[] SEGMENTS = Segment.values();

    enum Line {
        PLATFORM("platform", LineKind.CORE),
        ANALYTICS("analytics", LineKind.MODULE),
        AUTOMATION("automation", LineKind.MODULE),
        PAYMENTS("payments", LineKind.MODULE),
        EXTRA_STORAGE("extra_storage", LineKind.ADD_ON),
        PREMIUM_SUPPORT("premium_support", LineKind.ADD_ON);

        final String code;
        final LineKind kind;

        Line(String code, LineKind kind) {
            this.code = code;
            this.kind = kind;
        }
    }

    static final Line[] LINES = Line.values();

    static final String PLATFORM_MONTHLY = "platform_monthly";
    static final String PLATFORM_ANNUAL = "platform_annual";

    static final List<Product> PRODUCTS = List.of(
            new Product(PLATFORM_MONTHLY, "Platform (monthly plan)", Line.PLATFORM.code, LineKind.CORE, new BigDecimal("0.82")),
            new Product(PLATFORM_ANNUAL, "Platform (annual plan)", Line.PLATFORM.code, LineKind.CORE, new BigDecimal("0.82")),
            new Product(Line.ANALYTICS.code, "Analytics", Line.ANALYTICS.code, LineKind.MODULE, new BigDecimal("0.85")),
            new Product(Line.AUTOMATION.code, "Workflow Automation", Line.AUTOMATION.code, LineKind.MODULE, new BigDecimal("0.80")),
            new Product(Line.PAYMENTS.code, "Payments", Line.PAYMENTS.code, LineKind.MODULE, new BigDecimal("0.60")),
            new Product(Line.EXTRA_STORAGE.code, "Extra Storage (per 100 GB)", Line.EXTRA_STORAGE.code, LineKind.ADD_ON, new BigDecimal("0.90")),
            new Product(Line.PREMIUM_SUPPORT.code, "Premium Support", Line.PREMIUM_SUPPORT.code, LineKind.ADD_ON, new BigDecimal("0.55")));

    /** A price of a product: interval plus the per-unit list amount of each segment in USD/EUR. */
    enum Offer {
        PLATFORM_MONTHLY(Line.PLATFORM, Catalog.PLATFORM_MONTHLY, BillingInterval.MONTH, 1, "29", "25", "21"),
        PLATFORM_ANNUAL(Line.PLATFORM, Catalog.PLATFORM_ANNUAL, BillingInterval.YEAR, 1, "290", "250", "210"),
        ANALYTICS_MONTHLY(Line.ANALYTICS, BillingInterval.MONTH, 1, "49", "199", "899"),
        ANALYTICS_ANNUAL(Line.ANALYTICS, BillingInterval.YEAR, 1, "490", "1990", "8990"),
        AUTOMATION_MONTHLY(Line.AUTOMATION, BillingInterval.MONTH, 1, "39", "149", "699"),
        AUTOMATION_SEMIANNUAL(Line.AUTOMATION, BillingInterval.MONTH, 6, "220", "840", "3950"),
        PAYMENTS_MONTHLY(Line.PAYMENTS, BillingInterval.MONTH, 1, "29", "99", "449"),
        PAYMENTS_QUARTERLY(Line.PAYMENTS, BillingInterval.QUARTER, 1, "79", "279", "1290"),
        STORAGE_MONTHLY(Line.EXTRA_STORAGE, BillingInterval.MONTH, 1, "10", "9", "8"),
        STORAGE_DAILY(Line.EXTRA_STORAGE, BillingInterval.DAY, 1, "0.35", "0.32", "0.29"),
        SUPPORT_WEEKLY(Line.PREMIUM_SUPPORT, BillingInterval.WEEK, 1, "25", "60", "250"),
        SUPPORT_MONTHLY(Line.PREMIUM_SUPPORT, BillingInterval.MONTH, 1, "99", "249", "990"),
        SUPPORT_ANNUAL(Line.PREMIUM_SUPPORT, BillingInterval.YEAR, 1, "990", "2490", "9900");

        final Line line;
        final String productId;
        final BillingInterval interval;
        final int intervalCount;
        /** [segment][currency] */
        final BigDecimal[][] unitAmount;

        Offer(Line line, BillingInterval interval, int intervalCount, String smb, String mid, String enterprise) {
            this(line, line.code, interval, intervalCount, smb, mid, enterprise);
        }

        Offer(Line line, String productId, BillingInterval interval, int intervalCount, String smb, String mid,
              String enterprise) {
            this.line = line;
            this.productId = productId;
            this.interval = interval;
            this.intervalCount = intervalCount;
            this.unitAmount = new BigDecimal[][]{byCurrency(smb), byCurrency(mid), byCurrency(enterprise)};
        }

        BigDecimal unitAmount(Segment segment, int currency) {
            return unitAmount[segment.ordinal()][currency];
        }

        /**
         * Amount discounts are only offered on monthly prices: a flat credit per billing period would
         * wipe out a daily or weekly price entirely.
         */
        boolean billedMonthly() {
            return interval == BillingInterval.MONTH && intervalCount == 1;
        }
    }

    /** The same amount in USD, EUR and GBP. */
    static BigDecimal[] byCurrency(String usd) {
        BigDecimal amount = new BigDecimal(usd);
        BigDecimal gbp = amount.multiply(GBP_FACTOR).setScale(amount.scale() > 0 ? 2 : 0, RoundingMode.HALF_UP);
        return new BigDecimal[]{amount, amount, gbp};
    }

    static final BigDecimal[] PERCENT_DISCOUNTS = {
            new BigDecimal("10"), new BigDecimal("15"), new BigDecimal("20"), new BigDecimal("25")};
    static final BigDecimal BUNDLE_MODULE_DISCOUNT = new BigDecimal("20");

    /** Per billing interval, [segment][currency]: a negotiated flat reduction on monthly core plans. */
    static final BigDecimal[][] CORE_MONTHLY_AMOUNT_OFF = {byCurrency("5"), byCurrency("50"), byCurrency("250")};
    static final BigDecimal[][] CORE_ANNUAL_AMOUNT_OFF = {byCurrency("50"), byCurrency("500"), byCurrency("2500")};
    /** A retention or launch credit on a monthly module or add-on price. */
    static final BigDecimal[][] MODULE_AMOUNT_OFF = {byCurrency("5"), byCurrency("20"), byCurrency("100")};

    static final String GROWTH_BUNDLE = "growth_bundle";
    static final String OPERATIONS_BUNDLE = "operations_bundle";

    static final BigDecimal[][] SETUP_FEE = {byCurrency("99"), byCurrency("500"), byCurrency("2500")};
    static final BigDecimal[][] SERVICES_FEE = {byCurrency("250"), byCurrency("1200"), byCurrency("6000")};
    static final String SETUP_DESCRIPTION = "Onboarding and setup fee";
    static final String SERVICES_DESCRIPTION = "Professional services: integration project";

    /** Country, its billing currency and weight in the customer base. */
    static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "ES", "IE", "AU", "IN", "BR"};
    static final int[] COUNTRY_CURRENCY = {USD, USD, GBP, EUR, EUR, EUR, EUR, EUR, USD, USD, USD};
    static final int[] COUNTRY_WEIGHT = {40, 5, 12, 10, 7, 5, 3, 2, 6, 5, 5};

    static final String[] INDUSTRIES = {"software", "fintech", "healthcare", "retail", "education", "manufacturing",
            "media", "logistics", "professional_services"};
    static final int[] INDUSTRY_WEIGHT = {25, 12, 10, 12, 8, 10, 8, 8, 7};
    static final int SOFTWARE = 0;
    static final int FINTECH = 1;
    static final int RETAIL = 3;
    static final int MEDIA = 6;
    static final int LOGISTICS = 7;

    static final String[] CHANNELS = {"organic", "paid_search", "referral", "partner", "outbound"};
    /** [segment][channel]: small accounts find the product, large ones are sold to. */
    static final int[][] CHANNEL_WEIGHT = {{35, 30, 20, 10, 5}, {20, 20, 15, 25, 20}, {5, 5, 10, 30, 50}};

    static final int[] SEGMENT_WEIGHT = {60, 30, 10};
}
