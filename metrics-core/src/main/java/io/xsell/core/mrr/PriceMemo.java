package io.xsell.core.mrr;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.DistinctValues;
import io.xsell.core.model.FxRates;
import io.xsell.core.model.ItemCodes;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * {@link ItemMrr#monthly} of a dataset's items, computed once per distinct input and read by the
 * items' codes ({@link ItemCodes}): no item is built. A tenant's items repeat a small set of prices
 * (a few plans, seat counts, discounts, one FX rate per month), so most of a million items cost two
 * lookups of a few ints instead of a 34-digit division, and items with equal inputs share one
 * {@code BigDecimal}, which is what keeps the priced ledger small.
 *
 * <p>An input is the codes of unit amount, quantity, discount percent and amount, the interval and
 * its count, and the FX rate. The rate is the one {@link FxRates#rateOn} gives on the item's start
 * date, looked up once per (currency, start date) pair of codes; rates are numbered by
 * {@code equals}, as amounts are coded, so equal codes mean equal values, scale included, and the
 * answer is the very value {@code ItemMrr.monthly} returns for the item: nothing about the result
 * changes. Not thread-safe: one per pricing thread.
 */
final class PriceMemo {
    private static final BillingInterval[] INTERVALS = BillingInterval.values();
    private final ItemCodes codes;
    private final FxRates fx;
    private final CodeTuples currencyDays = new CodeTuples(2);
    private int[] rateOfCurrencyDay = new int[64];
    private final DistinctValues<BigDecimal> rates = new DistinctValues<>();
    private final CodeTuples plans = new CodeTuples(6);
    private final CodeTuples planRates = new CodeTuples(2);
    private BigDecimal[] prices = new BigDecimal[64]; // computed when first asked for (value)
    private int[] planTuples = new int[6 * 64]; // each plan's six codes, by plan number
    private int[] planOfPrice = new int[64];
    private int[] rateOfPrice = new int[64]; // the rate's number + 1
    private int planCount;
    private int priceCount;
    private final int[] currencyDay = new int[2];
    private final int[] plan = new int[6];
    private final int[] planRate = new int[2];

    PriceMemo(ItemCodes codes, FxRates fx) {
        this.codes = codes;
        this.fx = fx;
    }

    /**
     * The number of the MRR of item {@code row} (whose start date has code {@code startCode}) among
     * the distinct inputs this memo has seen: items of equal inputs get equal numbers ({@link #value}).
     */
    int price(int row, int startCode) {
        return price(codes.currency().code(row), startCode, codes.unitAmount().code(row), codes.quantity().code(row),
                codes.discountPercent().code(row), codes.discountAmount().code(row), codes.interval(row).ordinal(),
                codes.intervalCount(row));
    }

    /**
     * {@link #price(int, int)} of an item given by its codes (as {@link ItemCodes}' columns hold them;
     * the interval as its ordinal), for a caller that reads the codes a block of rows at a time.
     */
    int price(int currencyCode, int startCode, int unitAmountCode, int quantityCode, int discountPercentCode,
              int discountAmountCode, int intervalOrdinal, int intervalCount) {
        currencyDay[0] = currencyCode;
        currencyDay[1] = startCode;
        int pair = currencyDays.number(currencyDay);
        if (pair == rateOfCurrencyDay.length) {
            rateOfCurrencyDay = Arrays.copyOf(rateOfCurrencyDay, pair * 2);
        }
        int rate = rateOfCurrencyDay[pair];
        if (rate == 0) { // a new pair: its rate is yet to be looked up
            rate = rateNumber(currencyCode, startCode);
            rateOfCurrencyDay[pair] = rate;
        }
        plan[0] = unitAmountCode;
        plan[1] = quantityCode;
        plan[2] = discountPercentCode;
        plan[3] = discountAmountCode;
        plan[4] = intervalOrdinal;
        plan[5] = intervalCount;
        int planNumber = plans.number(plan);
        if (planNumber == planCount) {
            newPlan();
        }
        planRate[0] = planNumber;
        planRate[1] = rate;
        int price = planRates.number(planRate);
        if (price == priceCount) {
            newPrice(planNumber, rate);
        }
        return price;
    }

    /** Keeps the codes of the plan in {@link #plan}, numbered {@link #planCount}. */
    private void newPlan() {
        if (6 * (planCount + 1) > planTuples.length) {
            planTuples = Arrays.copyOf(planTuples, 2 * planTuples.length);
        }
        System.arraycopy(plan, 0, planTuples, 6 * planCount, 6);
        planCount++;
    }

    /** Keeps the inputs of price number {@link #priceCount}: its value is computed when asked for. */
    private void newPrice(int planNumber, int rate) {
        if (priceCount == planOfPrice.length) {
            planOfPrice = Arrays.copyOf(planOfPrice, 2 * priceCount);
            rateOfPrice = Arrays.copyOf(rateOfPrice, 2 * priceCount);
            prices = Arrays.copyOf(prices, 2 * priceCount);
        }
        planOfPrice[priceCount] = planNumber;
        rateOfPrice[priceCount] = rate;
        priceCount++;
    }

    /** How many distinct inputs (prices) have been numbered: 0 to {@code count() - 1}. */
    int count() {
        return priceCount;
    }

    /** The number + 1 of the rate of currency {@code currencyCode} on the date of {@code startCode}. */
    private int rateNumber(int currencyCode, int startCode) {
        BigDecimal rate = fx.rateOn(codes.currency().value(currencyCode), codes.start().value(startCode)).orElseThrow();
        return rates.number(rate) + 1;
    }

    /** The MRR of price number {@code price}: the once-per-input arithmetic, kept out of the lookups. */
    private BigDecimal compute(int price) {
        int at = 6 * planOfPrice[price];
        int[] p = planTuples;
        return ItemMrr.monthly(codes.unitAmount().value(p[at]), codes.quantity().value(p[at + 1]),
                codes.discountPercent().value(p[at + 2]), codes.discountAmount().value(p[at + 3]),
                INTERVALS[p[at + 4]], p[at + 5], rates.values().get(rateOfPrice[price] - 1));
    }

    /** The MRR numbered {@code price} by {@link #price}. */
    BigDecimal value(int price) {
        BigDecimal value = prices[price];
        if (value == null) {
            value = compute(price);
            prices[price] = value;
        }
        return value;
    }
}
