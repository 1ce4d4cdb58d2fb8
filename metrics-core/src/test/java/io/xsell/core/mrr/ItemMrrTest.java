package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ItemMrrTest {

    private static BigDecimal mrr(UnaryOperator<RecurringItem.Builder> shape) {
        return mrr(shape, BigDecimal.ONE);
    }

    private static BigDecimal mrr(UnaryOperator<RecurringItem.Builder> shape, BigDecimal rate) {
        RecurringItem item = shape.apply(RecurringItem.builder("i1", "c1", "p1").start("2025-01-01")).build();
        return ItemMrr.monthly(item, rate);
    }

    @Test
    void monthlyPriceTimesQuantity() {
        assertThat(mrr(b -> b.unitAmount("49.90").quantity(3))).isEqualByComparingTo("149.70");
    }

    @Test
    void annualPriceIsSpreadOverTwelveMonths() {
        assertThat(mrr(b -> b.unitAmount("1200").interval(BillingInterval.YEAR))).isEqualByComparingTo("100");
    }

    @Test
    void quarterlyPriceIsSpreadOverThreeMonths() {
        assertThat(mrr(b -> b.unitAmount("300").interval(BillingInterval.QUARTER))).isEqualByComparingTo("100");
    }

    @Test
    void weeklyPriceIsMultipliedByFiftyTwoTwelfths() {
        BigDecimal monthly = mrr(b -> b.unitAmount("10").interval(BillingInterval.WEEK));
        assertThat(Decimals.present(monthly)).isEqualByComparingTo("43.33");
        // 34 significant digits: twelve months add back up to the yearly 520 within 1e-30
        assertThat(monthly.multiply(BigDecimal.valueOf(12)).subtract(BigDecimal.valueOf(520)).abs())
                .isLessThan(new BigDecimal("1e-30"));
    }

    @Test
    void dailyPriceIsMultipliedByThreeHundredSixtyFiveTwelfths() {
        BigDecimal monthly = mrr(b -> b.unitAmount("1").interval(BillingInterval.DAY));
        assertThat(monthly.precision()).isGreaterThanOrEqualTo(30);
        assertThat(Decimals.present(monthly)).isEqualByComparingTo("30.42");
    }

    @Test
    void intervalCountDividesTheMonthlyAmount() {
        assertThat(mrr(b -> b.unitAmount("600").interval(BillingInterval.MONTH).intervalCount(6)))
                .isEqualByComparingTo("100");
        assertThat(mrr(b -> b.unitAmount("2400").interval(BillingInterval.YEAR).intervalCount(2)))
                .isEqualByComparingTo("100");
    }

    @Test
    void percentDiscountThenAmountDiscount() {
        // (200 * 2) * (1 - 25%) - 50 = 250 per month
        assertThat(mrr(b -> b.unitAmount("200").quantity(2).discountPercent("25").discountAmount("50")))
                .isEqualByComparingTo("250");
    }

    @Test
    void amountDiscountIsPerBillingIntervalBeforeSpreading() {
        // (1200 - 120) per year = 90 per month
        assertThat(mrr(b -> b.unitAmount("1200").interval(BillingInterval.YEAR).discountAmount("120")))
                .isEqualByComparingTo("90");
    }

    @Test
    void discountsNeverTakeMrrBelowZero() {
        assertThat(mrr(b -> b.unitAmount("10").discountAmount("25"))).isEqualByComparingTo("0");
        assertThat(mrr(b -> b.unitAmount("10").discountPercent("100"))).isEqualByComparingTo("0");
    }

    @Test
    void foreignCurrencyIsConvertedAtTheGivenRate() {
        assertThat(mrr(b -> b.unitAmount("100").currency("EUR"), new BigDecimal("1.0850")))
                .isEqualByComparingTo("108.50");
    }
}
