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
    private BigDecimal[] prices = new BigDecimal[64];
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
        planRate[0] = plans.number(plan);
        planRate[1] = rate;
        int price = planRates.number(planRate);
        if (price == prices.length) {
            prices = Arrays.copyOf(prices, price * 2);
        }
        if (prices[price] == null) {
            prices[price] = compute(rate);
        }
        return price;
    }

    /** The number + 1 of the rate of currency {@code currencyCode} on the date of {@code startCode}. */
    private int rateNumber(int currencyCode, int startCode) {
        BigDecimal rate = fx.rateOn(codes.currency().value(currencyCode), codes.start().value(startCode)).orElseThrow();
        return rates.number(rate) + 1;
    }

    /** The MRR of {@link #plan} at rate number {@code rate} + 1: the once-per-input arithmetic, kept out of the lookup. */
    private BigDecimal compute(int rate) {
        return ItemMrr.monthly(codes.unitAmount().value(plan[0]), codes.quantity().value(plan[1]),
                codes.discountPercent().value(plan[2]), codes.discountAmount().value(plan[3]),
                INTERVALS[plan[4]], plan[5], rates.values().get(rate - 1));
    }

    /** The MRR numbered {@code price} by {@link #price}. */
    BigDecimal value(int price) {
        return prices[price];
    }
}
