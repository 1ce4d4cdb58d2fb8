package io.xsell.ingestion.synthetic;

import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.synthetic.Catalog.Line;
import io.xsell.ingestion.synthetic.Catalog.Offer;
import io.xsell.ingestion.synthetic.Catalog.Segment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a realistic SaaS tenant: a seat-priced core platform with monthly and annual plans,
 * three modules and two add-ons, sold to SMB, mid-market and enterprise customers in USD, EUR and
 * GBP. Each customer lives through a month-by-month story: acquisition (sometimes after a trial,
 * sometimes as a bundle), seat changes, cross-sells, line churn, full churn and, for some, a
 * comeback. Deterministic: the same spec always produces the same dataset, and customer
 * {@code n}'s story does not depend on how many customers are generated.
 *
 * <p>Sized for a million customers (about three million items) in well under 2 GB of heap:
 * dates, amounts, quantities, currency codes, product ids and attribute maps are shared
 * instances; per item only the record itself and its short id are allocated.
 */
public final class SyntheticAccountGenerator {

    private static final int OPEN = Integer.MAX_VALUE;
    private static final int NONE = -1;
    private static final int TRIAL_DAYS = 14;
    /** Dates past the end of history are only ever trial ends. */
    private static final int DATE_CACHE_SLACK = TRIAL_DAYS + 1;
    private static final int MAX_QUANTITY = 4000;
    private static final long FX_STREAM = 0x5DEECE66DL;

    /** Monthly logo churn of monthly payers, by segment; annual payers decide once a year. */
    private static final double[] MONTHLY_CHURN = {0.028, 0.014, 0.007};
    private static final double[] ANNUAL_CHURN = {0.22, 0.12, 0.07};
    private static final double LINE_CHURN = 0.014;
    private static final double COMEBACK = 0.30;
    /** Monthly chance to adopt a line not held, by line (platform unused), before the multipliers below. */
    private static final double[] CROSS_SELL = {0, 0.016, 0.013, 0.009, 0.012, 0.008};
    private static final double[] SEGMENT_APPETITE = {0.8, 1.2, 1.5};
    private static final double SEAT_CHANGE = 0.07;
    private static final double STORAGE_CHANGE = 0.05;
    private static final double BUNDLE_UPGRADE = 0.006;
    /** By segment: share paying yearly, share buying a module with the core, share paying a setup fee. */
    private static final double[] ANNUAL_PAYER = {0.2, 0.45, 0.75};
    private static final double[] STARTS_WITH_MODULE = {0.08, 0.18, 0.35};
    private static final double[] SETUP_FEE = {0.05, 0.35, 0.75};
    /**
     * By segment. Seat cuts stop here so that the negotiated amount discounts (up to 50 per
     * month or 500 per year mid-market, 250 and 2500 enterprise) never exceed the plan price.
     */
    private static final int[] MIN_SEATS = {1, 5, 20};

    private static final BigDecimal[] QUANTITIES = new BigDecimal[MAX_QUANTITY + 1];

    static {
        for (int q = 1; q <= MAX_QUANTITY; q++) {
            QUANTITIES[q] = BigDecimal.valueOf(q);
        }
    }

    private SyntheticAccountGenerator() {
    }

    /** Null world: one monthly churn chance for every customer and plan. */
    private static final double NULL_MONTHLY_CHURN = 0.015;
    /** Null world: one chance of starting with a module, whatever the segment. */
    private static final double NULL_STARTS_WITH_MODULE = 0.15;
    /**
     * Null world: each line's adoption chance times this, and line churn at this rate, so that the
     * null world adopts and keeps lines about as the demo does (an annualized cross-sell rate inside
     * the healthy range of its stage) and only the dependencies are gone.
     */
    private static final double NULL_CROSS_SELL_LEVEL = 1.3;
    private static final double NULL_LINE_CHURN = 0.02;

    /** The account described by {@code spec}; identical for identical specs. */
    public static TenantDataset generate(SyntheticAccountSpec spec) {
        return generate(spec, SyntheticEffects.REALISTIC);
    }

    /** The account described by {@code spec} with the relationships {@code effects} builds in. */
    public static TenantDataset generate(SyntheticAccountSpec spec, SyntheticEffects effects) {
        return new Run(spec, effects).generate();
    }

    /** Month-start rates for the two non-reporting currencies; independent of the customer count. */
    static List<FxRate> fxRates(SyntheticAccountSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed() ^ FX_STREAM);
        double eurUsd = 1.08;
        double gbpUsd = 1.27;
        LocalDate month = spec.historyStart().withDayOfMonth(1);
        List<FxRate> rates = new ArrayList<>();
        while (!month.isAfter(spec.historyEnd())) {
            // a mean-reverting walk keeps three years of rates in a plausible band
            eurUsd = walk(random, eurUsd, 1.08);
            gbpUsd = walk(random, gbpUsd, 1.27);
            double[] usdPerUnit = {1.0, round4(eurUsd), round4(gbpUsd)};
            double reporting = usdPerUnit[currencyIndex(spec.reportingCurrency())];
            for (int c = 0; c < Catalog.CURRENCIES.length; c++) {
                if (!Catalog.CURRENCIES[c].equals(spec.reportingCurrency())) {
                    BigDecimal rate = BigDecimal.valueOf(usdPerUnit[c])
                            .divide(BigDecimal.valueOf(reporting), MathContext.DECIMAL64)
                            .setScale(6, RoundingMode.HALF_EVEN);
                    rates.add(new FxRate(month, Catalog.CURRENCIES[c], rate));
                }
            }
            month = month.plusMonths(1);
        }
        return rates;
    }

    private static double walk(SplittableRandom random, double rate, double mean) {
        double log = Math.log(rate);
        log += 0.15 * (Math.log(mean) - log) + 0.015 * random.nextGaussian();
        return Math.exp(log);
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static int currencyIndex(String code) {
        for (int c = 0; c < Catalog.CURRENCIES.length; c++) {
            if (Catalog.CURRENCIES[c].equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unsupported currency " + code);
    }

    private static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** One generation: the shared caches and the growing output lists. */
    private static final class Run {
        private final SyntheticAccountSpec spec;
        private final SyntheticEffects effects;
        private final int lastDay;
        private final LocalDate[] dates;
        @SuppressWarnings("unchecked")
        private final Map<String, String>[] attributeMaps = new Map[Catalog.SEGMENT_WEIGHT.length
                * Catalog.COUNTRIES.length * Catalog.INDUSTRIES.length * Catalog.CHANNELS.length];
        private final List<Customer> customers;
        private final List<RecurringItem> items;
        private final List<OneTimeCharge> charges = new ArrayList<>();
        private int nextItem = 1;
        private int nextCharge = 1;

        Run(SyntheticAccountSpec spec, SyntheticEffects effects) {
            this.spec = spec;
            this.effects = effects;
            this.lastDay = spec.historyDays() - 1;
            this.dates = new LocalDate[spec.historyDays() + DATE_CACHE_SLACK];
            for (int d = 0; d < dates.length; d++) {
                dates[d] = spec.historyStart().plusDays(d);
            }
            this.customers = new ArrayList<>(spec.customers());
            this.items = new ArrayList<>(spec.customers() * 3 + 16);
        }

        TenantDataset generate() {
            SplittableRandom root = new SplittableRandom(spec.seed());
            CustomerStory story = new CustomerStory(this);
            for (int n = 1; n <= spec.customers(); n++) {
                story.tell(n, root.split());
            }
            return TenantDataset.of(spec.reportingCurrency(), customers, Catalog.PRODUCTS, items, charges,
                    fxRates(spec));
        }

        LocalDate date(int day) {
            return dates[day];
        }

        Map<String, String> attributes(int segment, int country, int industry, int channel) {
            int key = ((segment * Catalog.COUNTRIES.length + country) * Catalog.INDUSTRIES.length + industry)
                    * Catalog.CHANNELS.length + channel;
            Map<String, String> map = attributeMaps[key];
            if (map == null) {
                // Map.of is immutable, so Customer's defensive Map.copyOf keeps this shared instance
                map = Map.of("segment", Catalog.SEGMENTS[segment].code,
                        "industry", Catalog.INDUSTRIES[industry],
                        "country", Catalog.COUNTRIES[country],
                        "acquisition_channel", Catalog.CHANNELS[channel]);
                attributeMaps[key] = map;
            }
            return map;
        }
    }

    /** A recurring item while its customer's story is being told; its end is known only later. */
    private static final class Draft {
        Offer offer;
        int start;
        int end = OPEN;
        int quantity;
        BigDecimal discountPercent;
        BigDecimal discountAmount;
        int trialEnd = NONE;
        String bundle;
        String subscription;
        boolean dropped;
    }

    /** Tells one customer's story at a time, reusing its scratch state between customers. */
    private static final class CustomerStory {
        private final Run run;
        private final List<Draft> drafts = new ArrayList<>();
        private final Draft[] open = new Draft[Catalog.LINES.length];

        private SplittableRandom random;
        private String customerId;
        private Segment segment;
        private int currency;
        private int industry;
        private boolean annualPayer;
        private int acquiredDay;
        /** Whether the customer has cross-sold a line (for a planted churn effect). */
        private boolean attached;

        CustomerStory(Run run) {
            this.run = run;
        }

        void tell(int n, SplittableRandom random) {
            this.random = random;
            attached = false;
            drafts.clear();
            Arrays.fill(open, null);
            customerId = "c" + n;
            int segmentIndex = pick(random, Catalog.SEGMENT_WEIGHT);
            segment = Catalog.SEGMENTS[segmentIndex];
            int country = pick(random, Catalog.COUNTRY_WEIGHT);
            currency = Catalog.COUNTRY_CURRENCY[country];
            industry = pick(random, Catalog.INDUSTRY_WEIGHT);
            int channel = pick(random, Catalog.CHANNEL_WEIGHT[segmentIndex]);
            annualPayer = random.nextDouble() < ANNUAL_PAYER[segmentIndex];
            acquiredDay = acquisitionDay();
            run.customers.add(new Customer(customerId, null, run.date(acquiredDay),
                    run.attributes(segmentIndex, country, industry, channel)));

            live();
            for (Draft draft : drafts) {
                if (!draft.dropped) {
                    run.items.add(toItem(draft));
                }
            }
        }

        /** Acquisitions grow over the history: half uniform, half weighted towards recent days. */
        private int acquisitionDay() {
            double u = random.nextDouble();
            double position = random.nextBoolean() ? u : Math.sqrt(u);
            return Math.min(run.lastDay, (int) (position * (run.lastDay + 1)));
        }

        private void live() {
            String subscription = "s" + customerId.substring(1);
            boolean converts = start(acquiredDay, subscription, true);
            if (!converts) {
                return;
            }
            int base = acquiredDay;
            int month = 0;
            boolean active = true;
            int comebackDay = NONE;
            while (true) {
                month++;
                int day = base + 30 * month + random.nextInt(10);
                if (day > run.lastDay) {
                    return;
                }
                if (!active) {
                    if (comebackDay == NONE) {
                        return;
                    }
                    if (day < comebackDay) {
                        continue;
                    }
                    subscription = subscription + "r";
                    start(day, subscription, false);
                    active = true;
                    base = day;
                    month = 0;
                    comebackDay = NONE;
                    continue;
                }
                if (churns(month)) {
                    closeAll(day);
                    active = false;
                    if (random.nextDouble() < COMEBACK) {
                        comebackDay = day + 45 + random.nextInt(240);
                    }
                    continue;
                }
                monthOfActivity(day, month, subscription);
            }
        }

        /**
         * Opens the customer's first (or comeback) subscription on {@code day}.
         *
         * @return false when a trial does not convert: the items end on the trial end, never earning
         */
        private boolean start(int day, String subscription, boolean first) {
            int trialEnd = first && segment != Segment.ENTERPRISE && random.nextDouble() < 0.35 ? day + TRIAL_DAYS : NONE;
            String bundle = null;
            double b = random.nextDouble();
            if (b < 0.08) {
                bundle = Catalog.GROWTH_BUNDLE;
            } else if (b < 0.13) {
                bundle = Catalog.OPERATIONS_BUNDLE;
            }
            Offer core = annualPayer ? Offer.PLATFORM_ANNUAL : Offer.PLATFORM_MONTHLY;
            int seats = first ? initialSeats() : Math.max(MIN_SEATS[segment.ordinal()], initialSeats() * 4 / 5);
            Draft coreItem = open(core, day, seats, subscription);
            coreItem.trialEnd = trialEnd;
            coreItem.bundle = bundle;
            if (bundle == null) {
                double d = random.nextDouble();
                if (d < 0.15) {
                    int tier = segment == Segment.ENTERPRISE ? 2 : random.nextInt(3);
                    coreItem.discountPercent = Catalog.PERCENT_DISCOUNTS[tier + random.nextInt(2)];
                } else if (d < 0.21) {
                    coreItem.discountAmount = (annualPayer ? Catalog.CORE_ANNUAL_AMOUNT_OFF : Catalog.CORE_MONTHLY_AMOUNT_OFF)
                            [segment.ordinal()][currency];
                }
                double m = random.nextDouble();
                if (m < (run.effects.independent() ? NULL_STARTS_WITH_MODULE : STARTS_WITH_MODULE[segment.ordinal()])) {
                    Line line = Catalog.LINES[1 + random.nextInt(Catalog.LINES.length - 1)];
                    open(offerFor(line), day, quantityFor(line), subscription).trialEnd = trialEnd;
                }
            } else {
                Line module = Catalog.GROWTH_BUNDLE.equals(bundle) ? Line.ANALYTICS : Line.AUTOMATION;
                Draft moduleItem = open(offerFor(module), day, 1, subscription);
                moduleItem.bundle = bundle;
                moduleItem.discountPercent = Catalog.BUNDLE_MODULE_DISCOUNT;
                moduleItem.trialEnd = trialEnd;
            }
            if (trialEnd != NONE && random.nextDouble() < 0.12) {
                if (trialEnd <= run.lastDay) {
                    closeAll(trialEnd);
                }
                return false;
            }
            if (first && random.nextDouble() < SETUP_FEE[segment.ordinal()]) {
                charge(day, Catalog.SETUP_FEE, Catalog.SETUP_DESCRIPTION, core.productId);
            }
            return true;
        }

        private boolean churns(int month) {
            double factor = attached ? run.effects.attachedChurnFactor() : 1;
            if (run.effects.independent()) {
                return random.nextDouble() < NULL_MONTHLY_CHURN * factor;
            }
            if (factor != 1) {
                return random.nextDouble() < MONTHLY_CHURN[segment.ordinal()] * factor;
            }
            if (open[Line.PLATFORM.ordinal()].offer == Offer.PLATFORM_ANNUAL) {
                return month % 12 == 0 && random.nextDouble() < ANNUAL_CHURN[segment.ordinal()];
            }
            return random.nextDouble() < MONTHLY_CHURN[segment.ordinal()];
        }

        private void monthOfActivity(int day, int month, String subscription) {
            // a line dropped this month is not bought back the same day: that would be a price change
            boolean[] dropped = new boolean[open.length];
            for (int l = 1; l < open.length; l++) {
                if (open[l] != null && random.nextDouble() < (run.effects.independent() ? NULL_LINE_CHURN : LINE_CHURN)) {
                    close(l, day);
                    dropped[l] = true;
                }
            }
            Draft core = open[Line.PLATFORM.ordinal()];
            if (random.nextDouble() < SEAT_CHANGE) {
                replace(Line.PLATFORM, day, reseat(core.quantity));
            }
            Draft storage = open[Line.EXTRA_STORAGE.ordinal()];
            if (storage != null && random.nextDouble() < STORAGE_CHANGE) {
                int delta = random.nextDouble() < 0.8 ? 1 + random.nextInt(5) : -1 - random.nextInt(2);
                replace(Line.EXTRA_STORAGE, day, Math.max(1, storage.quantity + delta));
            }
            if (open[Line.ANALYTICS.ordinal()] == null && core.bundle == null && random.nextDouble() < BUNDLE_UPGRADE) {
                // moving the subscription onto the growth bundle re-issues the core at the same price
                replace(Line.PLATFORM, day, open[Line.PLATFORM.ordinal()].quantity).bundle = Catalog.GROWTH_BUNDLE;
                Draft analytics = open(offerFor(Line.ANALYTICS), day, 1, subscription);
                attached = true;
                analytics.bundle = Catalog.GROWTH_BUNDLE;
                analytics.discountPercent = Catalog.BUNDLE_MODULE_DISCOUNT;
            }
            // Realistic: nobody buys a second line in its first month. Null world: not even tenure matters.
            if (month >= 2 || run.effects.independent()) {
                for (int l = 1; l < open.length; l++) {
                    if (open[l] == null && !dropped[l] && random.nextDouble() < crossSellChance(Catalog.LINES[l])) {
                        Line line = Catalog.LINES[l];
                        Draft item = open(offerFor(line), day, quantityFor(line), subscription);
                        attached = true;
                        if (line.kind == LineKind.MODULE && random.nextDouble() < 0.25) {
                            item.trialEnd = day + TRIAL_DAYS;
                        } else if (item.offer.billedMonthly() && random.nextDouble() < 0.08) {
                            item.discountAmount = Catalog.MODULE_AMOUNT_OFF[segment.ordinal()][currency];
                        }
                    }
                }
            }
            if (segment != Segment.SMB && random.nextDouble() < 0.01) {
                charge(day, Catalog.SERVICES_FEE, Catalog.SERVICES_DESCRIPTION, null);
            }
        }

        private double crossSellChance(Line line) {
            if (run.effects.independent()) {
                return CROSS_SELL[line.ordinal()] * NULL_CROSS_SELL_LEVEL;
            }
            double chance = CROSS_SELL[line.ordinal()] * SEGMENT_APPETITE[segment.ordinal()];
            if (line == Line.PAYMENTS && (industry == Catalog.RETAIL || industry == Catalog.FINTECH)) {
                chance *= 2.5;
            } else if (line == Line.ANALYTICS && (industry == Catalog.SOFTWARE || industry == Catalog.MEDIA)) {
                chance *= 1.6;
            } else if (line == Line.AUTOMATION && industry == Catalog.LOGISTICS) {
                chance *= 1.8;
            } else if (line == Line.PREMIUM_SUPPORT && segment == Segment.ENTERPRISE) {
                chance *= 2.0;
            }
            return chance;
        }

        private int initialSeats() {
            return switch (segment) {
                case SMB -> 1 + random.nextInt(3) + random.nextInt(7);
                case MID_MARKET -> 10 + random.nextInt(20) + random.nextInt(40);
                case ENTERPRISE -> 50 + random.nextInt(150) + random.nextInt(300);
            };
        }

        /** Mostly growth (hiring), sometimes a cut; never below one seat. */
        private int reseat(int seats) {
            int step = Math.max(1, (int) (seats * (0.1 + 0.4 * random.nextDouble())));
            int next = random.nextDouble() < 0.75 ? seats + step : seats - Math.max(1, step / 2);
            return Math.max(MIN_SEATS[segment.ordinal()], Math.min(MAX_QUANTITY, next));
        }

        private int quantityFor(Line line) {
            if (line != Line.EXTRA_STORAGE) {
                return 1;
            }
            return switch (segment) {
                case SMB -> 1 + random.nextInt(4);
                case MID_MARKET -> 2 + random.nextInt(10);
                case ENTERPRISE -> 5 + random.nextInt(40);
            };
        }

        private Offer offerFor(Line line) {
            double x = random.nextDouble();
            return switch (line) {
                case PLATFORM -> annualPayer ? Offer.PLATFORM_ANNUAL : Offer.PLATFORM_MONTHLY;
                case ANALYTICS -> annualPayer && segment != Segment.SMB && x < 0.6
                        ? Offer.ANALYTICS_ANNUAL : Offer.ANALYTICS_MONTHLY;
                case AUTOMATION -> segment == Segment.ENTERPRISE && x < 0.5
                        ? Offer.AUTOMATION_SEMIANNUAL : Offer.AUTOMATION_MONTHLY;
                case PAYMENTS -> segment != Segment.SMB && x < 0.6 ? Offer.PAYMENTS_QUARTERLY : Offer.PAYMENTS_MONTHLY;
                case EXTRA_STORAGE -> segment == Segment.SMB && x < 0.4 ? Offer.STORAGE_DAILY : Offer.STORAGE_MONTHLY;
                case PREMIUM_SUPPORT -> switch (segment) {
                    case SMB -> x < 0.6 ? Offer.SUPPORT_WEEKLY : Offer.SUPPORT_MONTHLY;
                    case MID_MARKET -> x < 0.3 ? Offer.SUPPORT_ANNUAL : Offer.SUPPORT_MONTHLY;
                    case ENTERPRISE -> Offer.SUPPORT_ANNUAL;
                };
            };
        }

        private Draft open(Offer offer, int day, int quantity, String subscription) {
            Draft draft = new Draft();
            draft.offer = offer;
            draft.start = day;
            draft.quantity = quantity;
            draft.subscription = subscription;
            drafts.add(draft);
            open[offer.line.ordinal()] = draft;
            return draft;
        }

        /** Ends the line's item on {@code day}; an item that would end the day it starts never existed. */
        private void close(int line, int day) {
            Draft draft = open[line];
            if (draft.start >= day) {
                draft.dropped = true;
            } else {
                draft.end = day;
            }
            open[line] = null;
        }

        private void closeAll(int day) {
            for (int l = 0; l < open.length; l++) {
                if (open[l] != null) {
                    close(l, day);
                }
            }
        }

        /**
         * A price or quantity change: the old item ends the day the new one starts. The new one keeps
         * the old one's terms (discount, bundle) and what is left of its trial.
         */
        private Draft replace(Line line, int day, int quantity) {
            Draft old = open[line.ordinal()];
            close(line.ordinal(), day);
            Draft next = open(old.offer, day, quantity, old.subscription);
            next.discountPercent = old.discountPercent;
            next.discountAmount = old.discountAmount;
            next.bundle = old.bundle;
            next.trialEnd = old.trialEnd > day ? old.trialEnd : NONE;
            return next;
        }

        private void charge(int day, BigDecimal[][] fee, String description, String productId) {
            run.charges.add(new OneTimeCharge("o" + run.nextCharge++, customerId, productId, run.date(day),
                    fee[segment.ordinal()][currency], Catalog.CURRENCIES[currency], description));
        }

        private RecurringItem toItem(Draft d) {
            Offer offer = d.offer;
            return new RecurringItem("i" + run.nextItem++, customerId, offer.productId, d.subscription,
                    run.date(d.start), d.end == OPEN ? null : run.date(d.end), offer.unitAmount(segment, currency),
                    QUANTITIES[d.quantity], Catalog.CURRENCIES[currency], offer.interval, offer.intervalCount,
                    d.discountPercent, d.discountAmount, d.trialEnd == NONE ? null : run.date(d.trialEnd), d.bundle);
        }
    }
}
