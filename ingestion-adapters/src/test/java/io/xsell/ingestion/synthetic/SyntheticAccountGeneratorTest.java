package io.xsell.ingestion.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.SegmentMetrics;
import io.xsell.core.metrics.Window;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticAccountGeneratorTest {

    private static final SyntheticAccountSpec SPEC = SyntheticAccountSpec.defaults(7, 3_000);
    private static final Window LAST_12_MONTHS = Window.of("2025-11-01", "2026-11-01");

    private static TenantDataset dataset;
    private static Map<String, List<RecurringItem>> itemsByCustomer;

    @BeforeAll
    static void generate() {
        dataset = SyntheticAccountGenerator.generate(SPEC);
        itemsByCustomer = dataset.items().stream()
                .collect(Collectors.groupingBy(RecurringItem::customerId, LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void sameSpecGivesTheSameDataset() {
        TenantDataset again = SyntheticAccountGenerator.generate(SPEC);

        assertThat(again.customers()).isEqualTo(dataset.customers());
        assertThat(again.products()).isEqualTo(dataset.products());
        assertThat(again.items()).isEqualTo(dataset.items());
        assertThat(again.charges()).isEqualTo(dataset.charges());
        assertThat(again.rates()).isEqualTo(dataset.rates());
    }

    @Test
    void anotherSeedGivesAnotherDataset() {
        SyntheticAccountSpec other = SyntheticAccountSpec.defaults(8, SPEC.customers());
        TenantDataset different = SyntheticAccountGenerator.generate(other);

        assertThat(different.customers()).isNotEqualTo(dataset.customers());
        assertThat(different.items()).isNotEqualTo(dataset.items());
        assertThat(different.rates()).isNotEqualTo(dataset.rates());
    }

    @Test
    void aCustomersStoryDoesNotDependOnHowManyCustomersAreGenerated() {
        TenantDataset small = SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(7, 100));

        assertThat(dataset.customers().subList(0, 100)).isEqualTo(small.customers());
        assertThat(dataset.items().subList(0, small.items().size())).isEqualTo(small.items());
    }

    @Test
    void catalogueHasACoreLineWithTwoPlansModulesAndAddOns() {
        Map<String, List<Product>> byLine = dataset.products().stream()
                .collect(Collectors.groupingBy(Product::productLine));

        assertThat(byLine).containsOnlyKeys("platform", "analytics", "automation", "payments", "extra_storage",
                "premium_support");
        assertThat(byLine.get("platform")).hasSize(2).allMatch(p -> p.kind() == LineKind.CORE);
        assertThat(dataset.products()).extracting(Product::kind).contains(LineKind.MODULE, LineKind.ADD_ON);
    }

    @Test
    void customersCarryTheSegmentationAttributes() {
        assertThat(dataset.customers()).hasSize(SPEC.customers()).allSatisfy(c -> {
            assertThat(c.attributes()).containsOnlyKeys("segment", "industry", "country", "acquisition_channel");
            assertThat(c.createdAt()).isBetween(SPEC.historyStart(), SPEC.historyEnd());
        });
        assertThat(dataset.customers().stream().map(c -> c.attribute("segment")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("smb", "mid_market", "enterprise");
        assertThat(dataset.customers().stream().map(Customer::createdAt).filter(d -> d.getYear() == 2023)).isNotEmpty();
        assertThat(dataset.customers().stream().map(Customer::createdAt).filter(d -> d.getYear() == 2026)).isNotEmpty();
    }

    @Test
    void enterpriseCustomersPayMoreAndHoldMoreSeatsThanSmallOnes() {
        Map<String, String> segmentOf = dataset.customers().stream()
                .collect(Collectors.toMap(Customer::id, c -> c.attribute("segment")));
        Map<String, Double> averageSeats = dataset.items().stream()
                .filter(i -> i.productId().startsWith("platform"))
                .collect(Collectors.groupingBy(i -> segmentOf.get(i.customerId()),
                        Collectors.averagingDouble(i -> i.quantity().doubleValue())));

        assertThat(averageSeats.get("enterprise")).isGreaterThan(averageSeats.get("mid_market"));
        assertThat(averageSeats.get("mid_market")).isGreaterThan(averageSeats.get("smb"));
    }

    @Test
    void itemsCoverEveryPricingFeature() {
        List<RecurringItem> items = dataset.items();

        assertThat(items).extracting(RecurringItem::currency).contains("USD", "EUR", "GBP");
        assertThat(items.stream().map(RecurringItem::interval).collect(Collectors.toCollection(() -> EnumSet.noneOf(BillingInterval.class))))
                .containsExactlyInAnyOrder(BillingInterval.values());
        assertThat(items).anyMatch(i -> i.intervalCount() > 1);
        assertThat(items).anyMatch(i -> i.trialEnd() != null);
        assertThat(items).anyMatch(i -> i.discountPercent() != null);
        assertThat(items).anyMatch(i -> i.discountAmount() != null);
        assertThat(items).extracting(RecurringItem::bundleId).contains("growth_bundle", "operations_bundle");
        assertThat(items).allMatch(i -> i.subscriptionId() != null);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.startDate()).isBetween(SPEC.historyStart(), SPEC.historyEnd());
            if (i.endDate() != null) {
                assertThat(i.endDate()).isAfter(i.startDate()).isBeforeOrEqualTo(SPEC.historyEnd());
            }
        });
    }

    @Test
    void aboutThreeRecurringItemsPerCustomer() {
        double perCustomer = dataset.items().size() / (double) dataset.customers().size();

        assertThat(perCustomer).isBetween(2.5, 3.5);
    }

    @Test
    void foreignCurrenciesHaveMonthlyRates() {
        List<FxRate> rates = dataset.rates();

        assertThat(rates).extracting(FxRate::currency).containsOnly("EUR", "GBP");
        assertThat(rates.stream().filter(r -> r.currency().equals("EUR"))).hasSize(36);
        assertThat(rates).allMatch(r -> r.date().getDayOfMonth() == 1);
        assertThat(rates.stream().filter(r -> r.currency().equals("GBP")).map(FxRate::rate).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void anotherReportingCurrencyGetsRatesForTheOtherTwo() {
        SyntheticAccountSpec euro = new SyntheticAccountSpec(3, 200, LocalDate.parse("2024-01-15"),
                LocalDate.parse("2025-12-31"), "eur");

        TenantDataset eurDataset = SyntheticAccountGenerator.generate(euro);

        assertThat(eurDataset.reportingCurrency()).isEqualTo("EUR");
        assertThat(eurDataset.rates()).extracting(FxRate::currency).containsOnly("USD", "GBP");
        assertThat(eurDataset.rates().get(0).date()).isEqualTo("2024-01-01");
    }

    @Test
    void seatsChangeByEndingTheOldItemTheDayTheNewOneStarts() {
        assertThat(itemsByCustomer.values()).anyMatch(items -> items.stream().anyMatch(old -> old.endDate() != null
                && items.stream().anyMatch(next -> next.productId().equals(old.productId())
                && next.startDate().equals(old.endDate())
                && next.quantity().compareTo(old.quantity()) > 0)));
        assertThat(itemsByCustomer.values()).anyMatch(items -> items.stream().anyMatch(old -> old.endDate() != null
                && items.stream().anyMatch(next -> next.productId().equals(old.productId())
                && next.startDate().equals(old.endDate())
                && next.quantity().compareTo(old.quantity()) < 0)));
    }

    @Test
    void customersCrossSellChurnLinesChurnAndComeBack() {
        Predicate<RecurringItem> module = i -> !i.productId().startsWith("platform");

        assertThat(itemsByCustomer.values()).as("cross-sell some months after acquisition").anyMatch(items ->
                items.stream().filter(module).anyMatch(i -> i.startDate().isAfter(items.get(0).startDate().plusDays(59))));
        assertThat(itemsByCustomer.values()).as("line churn").anyMatch(items -> items.stream().filter(module)
                .anyMatch(m -> m.endDate() != null && items.stream().anyMatch(core -> !module.test(core)
                        && core.isActiveOn(m.endDate()))));
        assertThat(itemsByCustomer.values()).as("full churn").anyMatch(items -> items.stream().allMatch(i -> i.endDate() != null)
                && items.stream().anyMatch(i -> i.trialEnd() == null));
        assertThat(itemsByCustomer.values()).as("reactivation").anyMatch(SyntheticAccountGeneratorTest::hasGap);
    }

    /** Some item starts after every item that started before it had ended, with a day in between. */
    private static boolean hasGap(List<RecurringItem> items) {
        List<RecurringItem> byStart = new ArrayList<>(items);
        byStart.sort(Comparator.comparing(RecurringItem::startDate));
        LocalDate coveredUntil = null;
        for (RecurringItem item : byStart) {
            if (coveredUntil != null && item.startDate().isAfter(coveredUntil)) {
                return true;
            }
            if (item.endDate() == null) {
                return false;
            }
            if (coveredUntil == null || item.endDate().isAfter(coveredUntil)) {
                coveredUntil = item.endDate();
            }
        }
        return false;
    }

    @Test
    void someCustomersPayOneTimeCharges() {
        assertThat(dataset.charges()).isNotEmpty()
                .extracting(OneTimeCharge::description).contains("Onboarding and setup fee");
        assertThat(dataset.charges()).anyMatch(c -> c.productId() == null);
        assertThat(dataset.charges()).allMatch(c -> c.amount().signum() > 0);
    }

    @Test
    void aTwelveMonthReportShowsEveryKindOfMovement() {
        CrossSellReport report = CrossSellCalculator.report(MrrLedger.of(dataset), LAST_12_MONTHS, "segment");
        WindowMetrics m = report.metrics();

        assertThat(m.startingMrr()).isPositive();
        assertThat(m.newBusinessMrr()).isPositive();
        assertThat(m.crossSellMrr()).isPositive();
        assertThat(m.upsellMrr()).isPositive();
        assertThat(m.reactivationMrr()).isPositive();
        assertThat(m.contractionMrr()).isNegative();
        assertThat(m.lineChurnMrr()).isNegative();
        assertThat(m.churnMrr()).isNegative();
        BigDecimal bundleShare = m.bundleCrossSellMrr().divide(m.crossSellMrr(), MathContext.DECIMAL64);
        assertThat(bundleShare).isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(m.endingMrr()).isEqualByComparingTo(m.startingMrr().add(m.sumOfMovements()));
        assertThat(m.productsPerCustomer()).isGreaterThan(BigDecimal.ONE);

        assertThat(report.bySegment()).extracting(SegmentMetrics::segment)
                .containsExactly("enterprise", "mid_market", "smb");
        assertThat(report.bySegment()).allSatisfy(s -> assertThat(s.metrics().endingMrr())
                .isEqualByComparingTo(s.metrics().startingMrr().add(s.metrics().sumOfMovements())));
        assertThat(report.byProductLine()).filteredOn(l -> l.kind() != LineKind.CORE)
                .allMatch(l -> l.crossSellMrr().signum() > 0);
    }

    @Test
    void specRejectsWhatTheGeneratorCannotHonour() {
        LocalDate start = LocalDate.parse("2024-01-01");
        LocalDate end = LocalDate.parse("2025-01-01");

        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 0, start, end, "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers");
        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 10, end, start, "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history");
        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 10, start, start.plusDays(30), "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history");
        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 10, start, end, "JPY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD, EUR or GBP");
        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 10, start, end, "XX"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticAccountSpec(1, 10, null, end, "USD"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsAreThreeYearsEndingOctober2026InUsd() {
        SyntheticAccountSpec spec = SyntheticAccountSpec.defaults(1, 10);

        assertThat(spec.historyStart()).isEqualTo("2023-11-01");
        assertThat(spec.historyEnd()).isEqualTo("2026-10-31");
        assertThat(spec.reportingCurrency()).isEqualTo("USD");
        assertThat(spec.historyDays()).isEqualTo(1096);
        assertThat(spec.customers()).isEqualTo(10);
    }
}
