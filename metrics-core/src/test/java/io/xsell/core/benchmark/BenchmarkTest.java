package io.xsell.core.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkTest {

    @ParameterizedTest
    @CsvSource({
            "1.00, single_product", "1.19, single_product", "1.199, series_b_multi_product",
            "1.20, series_b_multi_product", "1.49, series_b_multi_product", "1.50, growth_multi_product",
            "1.99, growth_multi_product", "2.00, scale_multi_product", "2.99, scale_multi_product",
            "3.00, platform", "4.50, platform"})
    void stageFollowsProductsPerCustomerAsPresented(String productsPerCustomer, String stage) {
        assertThat(Benchmark.assess(new BigDecimal(productsPerCustomer), BigDecimal.ONE).stage().code()).isEqualTo(stage);
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 0, healthy", "1.0, 3, healthy", "1.0, 3.01, above_healthy", "1.0, 50, above_healthy",
            "1.3, 2.99, below_healthy", "1.3, 3, healthy", "1.3, 10, healthy", "1.3, 12, above_healthy",
            "1.3, 12.01, top_quartile",
            "1.7, 7.99, below_healthy", "1.7, 15, healthy", "1.7, 18.01, top_quartile",
            "2.5, 11.99, below_healthy", "2.5, 22.00, healthy", "2.5, 25, above_healthy", "2.5, 25.01, top_quartile",
            "3.2, 19.99, below_healthy", "3.2, 35, healthy", "3.2, 40, above_healthy", "3.2, 40.01, top_quartile",
            "1.3, 2.995, healthy"})
    void verdictComparesTheAnnualizedRateWithTheStagesRange(String productsPerCustomer, String rate, String verdict) {
        assertThat(Benchmark.assess(new BigDecimal(productsPerCustomer), new BigDecimal(rate)).verdict().code())
                .isEqualTo(verdict);
    }
}
