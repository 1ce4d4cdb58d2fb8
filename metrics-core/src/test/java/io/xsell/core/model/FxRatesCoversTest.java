package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FxRates#covers} answers as {@code rateOn(...).isPresent()} on every day and currency. */
class FxRatesCoversTest {

    @Test
    void coversExactlyTheDaysThatHaveARate() {
        SplittableRandom random = new SplittableRandom(17);
        List<FxRate> rates = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 300; i++) {
            rates.add(new FxRate(start.plusDays(random.nextInt(400)), i % 2 == 0 ? "EUR" : "GBP",
                    new BigDecimal("1." + (10 + random.nextInt(80)))));
        }
        FxRates fx = new FxRates("USD", rates);

        for (int d = -30; d < 500; d++) {
            LocalDate day = start.plusDays(d);
            for (String currency : List.of("USD", "EUR", "GBP", "JPY")) {
                assertThat(fx.covers(currency, day)).as("%s on %s", currency, day)
                        .isEqualTo(fx.rateOn(currency, day).isPresent());
            }
        }
        assertThat(fx.covers("EUR", start.minusDays(1))).isFalse();
        assertThat(fx.covers("JPY", start.plusDays(100))).isFalse();
        assertThat(new FxRates("USD", List.of()).covers("USD", start)).isTrue();
    }
}
