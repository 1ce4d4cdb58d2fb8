package io.xsell.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesBetweenClosestRanksLikeExcelPercentileInc() {
        int[] values = {1, 2, 3, 4};
        // h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1) = 1.75 (Excel PERCENTILE.INC gives 1.75)
        assertThat(Percentiles.percentile(values, Percentiles.P25)).isEqualByComparingTo("1.75");
        // h = 1.5 → 2 + 0.5 × 1 = 2.5, the mean of the two middle values
        assertThat(Percentiles.median(values)).isEqualByComparingTo("2.5");
        // h = 2.25 → 3 + 0.25 × 1 = 3.25
        assertThat(Percentiles.percentile(values, Percentiles.P75)).isEqualByComparingTo("3.25");
        assertThat(Percentiles.percentile(values, BigDecimal.ZERO)).isEqualByComparingTo("1");
        assertThat(Percentiles.percentile(values, BigDecimal.ONE)).isEqualByComparingTo("4");
    }

    @Test
    void oddCountMedianIsTheMiddleValue() {
        assertThat(Percentiles.median(new int[] {3, 7, 100})).isEqualByComparingTo("7");
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsNull() {
        assertThat(Percentiles.percentile(new int[] {9}, Percentiles.P25)).isEqualByComparingTo("9");
        assertThat(Percentiles.median(new int[0])).isNull();
        assertThat(Percentiles.percentile(List.of(), Percentiles.P75)).isNull();
    }

    @Test
    void decimalValuesUseTheSameDefinition() {
        List<BigDecimal> values = List.of(new BigDecimal("10"), new BigDecimal("20.5"));
        // h = 1 × 0.25 → 10 + 0.25 × 10.5 = 12.625
        assertThat(Percentiles.percentile(values, Percentiles.P25)).isEqualByComparingTo("12.625");
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> Percentiles.percentile(new int[] {1}, new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
