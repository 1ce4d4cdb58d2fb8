package io.xsell.core.mrr;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.MovementSeriesCalculator;
import io.xsell.core.metrics.PenetrationCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.ChargesImage;
import io.xsell.core.model.Customer;
import io.xsell.core.model.DatasetImage;
import io.xsell.core.model.DictionaryImage;
import io.xsell.core.model.ItemsImage;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.StringsImage;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A dataset and its ledger exported as arrays and rebuilt from them answer exactly as the originals. */
class ColumnImagesTest {
    private static final Window WINDOW = Window.of("2024-01-01", "2026-01-01");

    /** Every shape: currencies and rates, charges, attributes, discounts, bundles, subscriptions, trials, ends. */
    private static TenantDataset shapes() {
        return dataset().customer("a", "segment", "smb", "region", "eu").customer("b", "segment", "ent")
                .customer("c").customer("d", "segment", "smb")
                .product("A", "core", LineKind.CORE).product("B", "addon", LineKind.ADD_ON)
                .product("C", "addon", LineKind.ADD_ON)
                .fx("2023-01-01", "EUR", "1.0850").fx("2024-06-01", "EUR", "1.10").fx("2023-01-01", "GBP", "1.27")
                .holds("a", "A", "100", "2024-01-01")
                .item("a", "B", b -> b.unitAmount("5.50").start("2025-03-01").currency("EUR").subscription("s1")
                        .discountPercent("10"))
                .item("a", "C", b -> b.unitAmount("5.5").start("2024-02-01").end("2025-02-01").subscription("s1")
                        .bundle("bx").quantity(3))
                .item("b", "A", b -> b.unitAmount("1200").start("2024-06-01").interval(BillingInterval.YEAR)
                        .currency("GBP").discountAmount("100.00"))
                .item("b", "C", b -> b.unitAmount("30").start("2024-09-01").trialEnd("2024-10-01")
                        .interval(BillingInterval.QUARTER).intervalCount(2).subscription("s2"))
                .item("c", "B", b -> b.unitAmount("7").start("2024-03-15").end("2024-11-15").bundle("bx"))
                .charge("a", "250.00", "2024-05-05").charge("c", "99.9", "2025-01-01").charge("a", "-10", "2024-07-01")
                .build();
    }

    @Test
    void aDatasetWithEveryShapeComesBackExactlyAndAnswersTheSame() {
        TenantDataset rebuilt = roundTrip(shapes());

        assertThat(MrrLedger.of(rebuilt).image().items().amounts())
                .as("the rebuilt dataset prices to the same amounts")
                .isEqualTo(MrrLedger.of(shapes()).image().items().amounts());
    }

    @Test
    void wideColumnsComeBackExactly() {
        Random random = new Random(11);
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 1_500; c++) {
            customers.add(Customer.of("c" + c, Map.of("segment", "v" + c % 7)));
        }
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            products.add(Product.standalone("p" + p));
        }
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            LocalDate start = LocalDate.parse("2024-01-01").plusDays(random.nextInt(700));
            RecurringItem.Builder b = RecurringItem.builder("i" + i + (i % 9 == 0 ? "é€" : ""),
                    "c" + (i * 1_500L / 70_000), "p" + random.nextInt(300)).start(start)
                    .unitAmount(i % 50 == 0 ? "10.0" : i + "." + (i % 100)).subscription(i % 3 == 0 ? null : "s" + i / 4);
            if (i % 5 == 0) {
                b.end(start.plusDays(1 + random.nextInt(400)));
            }
            items.add(b.build());
        }
        TenantDataset original = TenantDataset.of("USD", customers, products, items, List.of(), List.of());
        MrrLedger priced = MrrLedger.of(original);

        assertThat(MrrLedger.restore(roundTrip(original), priced.image()).columns().widths())
                .isEqualTo(priced.columns().widths());
        assertThat(priced.columns().widths()).as("some columns wider than a byte").contains(2, 3);
    }

    /** The dataset and its ledger through their images, checked equal and answering the same; the rebuilt dataset. */
    private static TenantDataset roundTrip(TenantDataset original) {
        MrrLedger priced = MrrLedger.of(original);
        TenantDataset rebuilt = TenantDataset.fromImage(original.image());
        MrrLedger restored = MrrLedger.restore(rebuilt, priced.image());
        assertSameDataset(rebuilt, original);
        assertSameLedger(restored, priced);
        assertSameAnswers(restored, priced);
        return rebuilt;
    }

    @Test
    void emptyDatasetsAndLedgersComeBack() {
        TenantDataset empty = TenantDataset.empty("EUR");
        TenantDataset rebuilt = TenantDataset.fromImage(empty.image());
        assertSameDataset(rebuilt, empty);
        assertSameLedger(MrrLedger.restore(rebuilt, MrrLedger.of(empty).image()), MrrLedger.of(empty));
    }

    @Test
    void datasetImagesThatDoNotFitAreRefusedNamingWhat() {
        DatasetImage good = shapes().image();
        ItemsImage items = good.items();

        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), i.customerRunStarts(), new int[] {0, 1, 99},
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(), i.product(), i.start(),
                i.end(), i.unitAmount(), i.quantity(), i.currency(), i.interval(), i.intervalCount(), i.discountPercent(),
                i.discountAmount(), i.trialEnd(), i.bundle())), "item customers");
        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), i.customerRunStarts(), i.customerOfRun(),
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(),
                new DictionaryImage<>(i.product().values(), new int[] {1, 2}), i.start(), i.end(), i.unitAmount(),
                i.quantity(), i.currency(), i.interval(), i.intervalCount(), i.discountPercent(), i.discountAmount(),
                i.trialEnd(), i.bundle())), "item product");
        int[] productCodes = items.product().codes().clone();
        productCodes[2] = items.product().values().size() + 1;
        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), i.customerRunStarts(), i.customerOfRun(),
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(),
                new DictionaryImage<>(i.product().values(), productCodes), i.start(), i.end(), i.unitAmount(),
                i.quantity(), i.currency(), i.interval(), i.intervalCount(), i.discountPercent(), i.discountAmount(),
                i.trialEnd(), i.bundle())), "row 2");
        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), i.customerRunStarts(), i.customerOfRun(),
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(),
                new DictionaryImage<>(List.of("A", "B", "nope"), i.product().codes()), i.start(), i.end(),
                i.unitAmount(), i.quantity(), i.currency(), i.interval(), i.intervalCount(), i.discountPercent(),
                i.discountAmount(), i.trialEnd(), i.bundle())), "unknown product_id 'nope'");
        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), new long[] {0}, i.customerOfRun(),
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(), i.product(), i.start(),
                i.end(), i.unitAmount(), i.quantity(), i.currency(), i.interval(), i.intervalCount(), i.discountPercent(),
                i.discountAmount(), i.trialEnd(), i.bundle())), "row 0 must start a run");
        assertRefused(withItems(good, i -> new ItemsImage(new StringsImage(new byte[3], null, i.ids().lengths()),
                i.customerRunStarts(), i.customerOfRun(), i.subscriptionRunStarts(), i.subscriptionOfRun(),
                i.runsWithoutSubscription(), i.product(), i.start(), i.end(), i.unitAmount(), i.quantity(),
                i.currency(), i.interval(), i.intervalCount(), i.discountPercent(), i.discountAmount(), i.trialEnd(),
                i.bundle())), "item ids");
        assertRefused(withItems(good, i -> new ItemsImage(i.ids(), i.customerRunStarts(), i.customerOfRun(),
                i.subscriptionRunStarts(), i.subscriptionOfRun(), i.runsWithoutSubscription(), i.product(), i.start(),
                i.end(), i.unitAmount(), i.quantity(), i.currency(), new int[] {2, 2, 2, 9, 2, 2}, i.intervalCount(),
                i.discountPercent(), i.discountAmount(), i.trialEnd(), i.bundle())), "item interval");
        DatasetImage noEuroRate = new DatasetImage(good.reportingCurrency(), good.customers(), good.products(),
                List.of(good.rates().get(2)), items, good.charges());
        assertRefused(noEuroRate, "item in EUR from 2025-03-01");
        ChargesImage charges = good.charges();
        assertRefused(new DatasetImage(good.reportingCurrency(), good.customers(), good.products(), good.rates(), items,
                new ChargesImage(charges.ids(), new int[] {0, 4, 0}, charges.product(), charges.date(),
                        charges.amount(), charges.currency(), charges.description())), "charge customers");
    }

    @Test
    void ledgerImagesThatDoNotFitAreRefusedNamingWhat() {
        TenantDataset data = shapes();
        LedgerImage good = MrrLedger.of(data).image();
        PricedItemsImage i = good.items();

        int[] offsets = i.firstItem().clone();
        offsets[1] = offsets[2] + 1;
        assertLedgerRefused(data, new PricedItemsImage(offsets, i.line(), i.activeFrom(), i.end(), i.monthlyCode(),
                i.amounts(), i.bundled()), good.charges(), "offset");
        int[] lines = i.line().clone();
        lines[0] = 3;
        assertLedgerRefused(data, new PricedItemsImage(i.firstItem(), lines, i.activeFrom(), i.end(), i.monthlyCode(),
                i.amounts(), i.bundled()), good.charges(), "2 lines");
        int[] starts = i.activeFrom().clone();
        starts[0] = starts[1] + 1; // customer a's first item now starts after its second
        assertLedgerRefused(data, new PricedItemsImage(i.firstItem(), i.line(), starts, i.end(), i.monthlyCode(),
                i.amounts(), i.bundled()), good.charges(), "order");
        int[] codes = i.monthlyCode().clone();
        codes[1] = i.amounts().size();
        assertLedgerRefused(data, new PricedItemsImage(i.firstItem(), i.line(), i.activeFrom(), i.end(), codes,
                i.amounts(), i.bundled()), good.charges(), "priced item amount code");
        assertLedgerRefused(data, new PricedItemsImage(i.firstItem(), i.line(), i.activeFrom(), i.end(),
                i.monthlyCode(), i.amounts(), new long[] {-1L}), good.charges(), "bundled");
        PricedChargesImage c = good.charges();
        assertLedgerRefused(data, i, new PricedChargesImage(new int[] {0, 1}, c.day(), c.amountCode(), c.amounts()),
                "5 offsets");
    }

    private static DatasetImage withItems(DatasetImage image, UnaryOperator<ItemsImage> change) {
        return new DatasetImage(image.reportingCurrency(), image.customers(), image.products(), image.rates(),
                change.apply(image.items()), image.charges());
    }

    private static void assertRefused(DatasetImage image, String naming) {
        assertThatThrownBy(() -> TenantDataset.fromImage(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(naming);
    }

    private static void assertLedgerRefused(TenantDataset data, PricedItemsImage items, PricedChargesImage charges,
                                            String naming) {
        assertThatThrownBy(() -> MrrLedger.restore(data, new LedgerImage(items, charges)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(naming);
    }

    static void assertSameDataset(TenantDataset actual, TenantDataset expected) {
        assertThat(actual.reportingCurrency()).isEqualTo(expected.reportingCurrency());
        assertThat(actual.customers()).isEqualTo(expected.customers());
        assertThat(actual.products()).isEqualTo(expected.products());
        assertThat(actual.rates()).isEqualTo(expected.rates());
        assertThat(actual.items()).isEqualTo(expected.items()); // record equals: amounts with their scale
        assertThat(actual.charges()).isEqualTo(expected.charges());
        for (int k = 0; k < expected.items().size(); k++) {
            assertThat(actual.customerOfItem(k)).isEqualTo(expected.customerOfItem(k));
        }
        assertThat(actual.retainedBytes()).isEqualTo(expected.retainedBytes());
    }

    private static void assertSameLedger(MrrLedger actual, MrrLedger expected) {
        assertThat(actual.lines()).isEqualTo(expected.lines());
        assertThat(actual.customerCount()).isEqualTo(expected.customerCount());
        for (int c = 0; c < expected.customerCount(); c++) {
            assertThat(actual.items(c)).containsExactly(expected.items(c));
            assertThat(actual.charges(c)).containsExactly(expected.charges(c));
        }
        assertThat(actual.retainedBytes()).isEqualTo(expected.retainedBytes());
    }

    private static void assertSameAnswers(MrrLedger actual, MrrLedger expected) {
        assertThat(CrossSellCalculator.report(actual, WINDOW, null))
                .isEqualTo(CrossSellCalculator.report(expected, WINDOW, null));
        assertThat(CrossSellCalculator.report(actual, WINDOW, "segment"))
                .isEqualTo(CrossSellCalculator.report(expected, WINDOW, "segment"));
        assertThat(MovementSeriesCalculator.series(actual, WINDOW, Granularity.MONTH))
                .isEqualTo(MovementSeriesCalculator.series(expected, WINDOW, Granularity.MONTH));
        assertThat(PenetrationCalculator.on(actual, LocalDate.parse("2025-06-30")))
                .isEqualTo(PenetrationCalculator.on(expected, LocalDate.parse("2025-06-30")));
    }
}
