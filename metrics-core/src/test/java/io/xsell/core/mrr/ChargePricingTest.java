package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ledger's one-time charges, priced by codes: each equals its own amount times the rate on its day, scale included. */
class ChargePricingTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final String[] AMOUNTS = {"500.00", "500", "500.0", "-20", "0", "0.01", "1234.5678", "99"};

    @Test
    void eachChargeIsItsAmountTimesTheRateOnItsDay() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Customer> customers = new ArrayList<>();
            for (int c = 0; c < 300; c++) {
                customers.add(Customer.of("c" + c, Map.of()));
            }
            List<OneTimeCharge> charges = new ArrayList<>();
            for (int k = 0; k < 3_000; k++) {
                charges.add(new OneTimeCharge("o" + k, "c" + random.nextInt(customers.size()), null,
                        FIRST.plusDays(random.nextInt(700)), new BigDecimal(AMOUNTS[random.nextInt(AMOUNTS.length)]),
                        CURRENCIES[random.nextInt(CURRENCIES.length)], null));
            }
            TenantDataset dataset = TenantDataset.of("USD", customers,
                    List.of(Product.inLine("core", "platform", LineKind.CORE)), List.of(), charges, rates(random));
            MrrLedger ledger = MrrLedger.of(dataset);
            List<List<PricedCharge>> expected = new ArrayList<>();
            for (int c = 0; c < customers.size(); c++) {
                expected.add(new ArrayList<>());
            }
            for (int k = 0; k < dataset.charges().size(); k++) {
                OneTimeCharge charge = dataset.charges().get(k);
                BigDecimal rate = dataset.fxRates().rateOn(charge.currency(), charge.date()).orElseThrow();
                expected.get(dataset.customerOfCharge(k)).add(new PricedCharge(
                        Math.toIntExact(charge.date().toEpochDay()), charge.amount().multiply(rate)));
            }
            for (int c = 0; c < customers.size(); c++) {
                PricedCharge[] actual = ledger.charges(c);
                assertThat(actual).containsExactlyElementsOf(expected.get(c)); // record equals: BigDecimal.equals, scale included
                for (int i = 0; i < actual.length; i++) {
                    assertThat(actual[i].amount().scale()).isEqualTo(expected.get(c).get(i).amount().scale());
                }
            }
        }
    }

    /** A rate each month, now and then the same rate at another scale. */
    private static List<FxRate> rates(SplittableRandom random) {
        List<FxRate> rates = new ArrayList<>();
        for (String currency : List.of("EUR", "GBP")) {
            BigDecimal rate = null;
            for (LocalDate month = FIRST.minusMonths(1); month.isBefore(FIRST.plusYears(2)); month = month.plusMonths(1)) {
                rate = rate != null && random.nextInt(4) == 0 ? rate.setScale(rate.scale() + 1)
                        : BigDecimal.valueOf(9000 + random.nextInt(3000), 4);
                rates.add(new FxRate(month, currency, rate));
            }
        }
        return rates;
    }
}
