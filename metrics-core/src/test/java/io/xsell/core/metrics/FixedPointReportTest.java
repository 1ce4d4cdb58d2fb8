package io.xsell.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.fixture.RandomItems;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.PricedCharge;
import io.xsell.core.mrr.PricedItem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The window report in fixed point ({@link CrossSellCalculator#fixedPointReport}) equals the report
 * computed with the {@code BigDecimal}s of the timelines ({@link CrossSellCalculator#decimalReport})
 * figure for figure, scale included ({@code BigDecimal.equals}), on generated data of every shape;
 * amounts beyond the fixed-point bounds fall back to the {@code BigDecimal} computation.
 */
class FixedPointReportTest {
    private static final LocalDate EPOCH = LocalDate.parse("2024-01-01");
    private static final String[] SEGMENTS = {"smb", "mid_market", "enterprise"};
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    /** Priced datasets: every interval (34-digit amounts), FX, discounts, trials, bundles, segments, charges. */
    @Property(tries = 300)
    void pricedDatasetsGiveTheSameReport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int customers,
                                         @ForAll @IntRange(min = 0, max = 700) int fromOffset,
                                         @ForAll @IntRange(min = 1, max = 500) int length) {
        Random random = new Random(seed);
        TenantDatasetFixture data = RandomItems.customers(random, customers, 8, EPOCH);
        for (int c = 0; c < customers; c++) {
            if (random.nextInt(3) == 0) {
                data.charge("c" + c, BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)).toPlainString(),
                        EPOCH.plusDays(random.nextInt(900)).toString());
            }
        }
        Window window = new Window(EPOCH.plusDays(fromOffset), EPOCH.plusDays(fromOffset + length));
        MrrLedger ledger = MrrLedger.of(data.build());
        assertSameReports(ledger, window, "segment");
        assertSameReports(ledger, window, null);
    }

    /**
     * Ledgers put back with arbitrary amounts: scales from 0 to 40, magnitudes up to 10^6 (the bound at scale 40), zeros with
     * a scale, negative amounts (no pricing gives them, a restored ledger may hold them), items that
     * end the day another of the same amount starts (a day that changes nothing, which keeps the
     * scales of the day before even when the new amount has more zeros), several items per line.
     */
    @Property(tries = 300)
    void anyAmountsGiveTheSameReport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int customers,
                                     @ForAll @IntRange(min = 0, max = 300) int fromOffset,
                                     @ForAll @IntRange(min = 1, max = 300) int length) {
        Random random = new Random(seed);
        BigDecimal[] palette = new BigDecimal[1 + random.nextInt(12)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = randomAmount(random);
        }
        int lines = 1 + random.nextInt(5);
        TenantDatasetFixture data = TenantDatasetFixture.dataset();
        for (int l = 0; l < lines; l++) {
            data.product("P" + l, "line" + l, l == 0 ? LineKind.CORE : LineKind.MODULE);
        }
        PricedItem[][] items = new PricedItem[customers][];
        PricedCharge[][] charges = new PricedCharge[customers][];
        int epoch = (int) EPOCH.toEpochDay();
        for (int c = 0; c < customers; c++) {
            data.customer("c" + c, "segment", SEGMENTS[random.nextInt(SEGMENTS.length)]);
            List<PricedItem> held = new ArrayList<>();
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                int start = epoch + random.nextInt(400);
                int end = random.nextInt(3) == 0 ? PricedItem.OPEN : start + 1 + random.nextInt(200);
                int line = random.nextInt(lines);
                BigDecimal amount = palette[random.nextInt(palette.length)];
                held.add(new PricedItem(line, start, end, amount, random.nextInt(4) == 0));
                if (end != PricedItem.OPEN && random.nextInt(3) == 0) { // the same amount again from its end,
                    BigDecimal again = amount.setScale(amount.scale() + random.nextInt(3)); // maybe with more zeros
                    held.add(new PricedItem(line, end, end + 1 + random.nextInt(100), again, false));
                }
            }
            held.sort(Comparator.comparingInt(PricedItem::activeFrom));
            items[c] = held.toArray(new PricedItem[0]);
            charges[c] = random.nextBoolean() ? new PricedCharge[0]
                    : new PricedCharge[] {new PricedCharge(epoch + random.nextInt(600), randomAmount(random))};
        }
        MrrLedger ledger = MrrLedger.restore(data.build(), items, charges);
        Window window = new Window(EPOCH.plusDays(fromOffset), EPOCH.plusDays(fromOffset + length));
        assertSameReports(ledger, window, "segment");
    }

    private static BigDecimal randomAmount(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> BigDecimal.ZERO.setScale(random.nextInt(30));
            case 1 -> BigDecimal.valueOf(-1 - random.nextInt(10_000), random.nextInt(35));
            case 2 -> new BigDecimal(new BigInteger(110, random), 32); // 34-digit monthly amounts of a yearly price
            case 3 -> new BigDecimal(new BigInteger(20, random), random.nextInt(3));
            default -> BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(41));
        };
    }

    @Test
    void amountsAtTheBoundStayInFixedPointAndOneBeyondFallsBack() {
        // 41.66666666666666666666666666666667 (a yearly 500 a month) has scale 32, so the bound is
        // 2^160 / 10^32, about 1.46 * 10^16 (pricing never gives that much; a restored ledger may hold it)
        MrrLedger within = ledgerWith("14000000000000000.5");
        assertThat(within.windowScan(0, 1)).isNotNull();
        assertSameReports(within, YEAR_2025, "segment");

        MrrLedger beyond = ledgerWith("15000000000000000");
        assertThat(beyond.windowScan(0, 1)).isNull();
        assertThat(CrossSellCalculator.fixedPointReport(beyond, YEAR_2025, "segment")).isNull();
        assertThat(CrossSellCalculator.report(beyond, YEAR_2025, "segment"))
                .isEqualTo(CrossSellCalculator.decimalReport(beyond, YEAR_2025, "segment"));
        assertThat(CrossSellCalculator.report(beyond, YEAR_2025, "segment").metrics().crossSellMrr())
                .isEqualTo(new BigDecimal("15000000000000041.66666666666666666666666666666667"));
    }

    @Test
    void hugeAmountsAndHugeScalesFallBack() {
        for (String amount : new String[] {"1E+60", "1234567890123456789012345678901234567890123456789.5", "1E-130"}) {
            MrrLedger ledger = ledgerWith(amount);
            assertThat(ledger.windowScan(0, 1)).as(amount).isNull();
            CrossSellReport report = CrossSellCalculator.report(ledger, YEAR_2025, "segment");
            assertThat(report).isEqualTo(CrossSellCalculator.decimalReport(ledger, YEAR_2025, "segment"));
            assertThat(report.metrics().crossSellMrr())
                    .isEqualTo(new BigDecimal(amount).add(new BigDecimal("41.66666666666666666666666666666667")));
        }
    }

    @Test
    void anOverflowedTallyPassesItOnWhenMergedAndGivesNoFigure() {
        FixedWindowTally overflowed = new FixedWindowTally(YEAR_2025, 2, 4);
        overflowed.overflow();
        FixedWindowTally total = new FixedWindowTally(YEAR_2025, 2, 4);
        assertThat(total.metrics().startingMrr()).isEqualTo(BigDecimal.ZERO);
        total.merge(overflowed);
        assertThat(total.overflowed()).isTrue();
        assertThatThrownBy(total::metrics).isInstanceOf(FixedWindowTally.OverflowException.class);
    }

    @Test
    void scalesOfTheSumsAreThoseOfBigDecimalSums() {
        MrrLedger ledger = MrrLedger.of(TenantDatasetFixture.dataset()
                .customer("a", "segment", "smb").customer("b", "segment", "mid")
                .holds("a", "core", "10", "2024-06-01")
                .holds("a", "analytics", "2.500", "2025-03-01", "2025-04-01")
                .holds("b", "core", "7", "2025-02-01")
                .holds("b", "core", "7.0000", "2025-05-01", "2025-05-02").build());
        CrossSellReport report = CrossSellCalculator.fixedPointReport(ledger, YEAR_2025, "segment");
        assertThat(report).isEqualTo(CrossSellCalculator.decimalReport(ledger, YEAR_2025, "segment"));
        assertThat(report.metrics().startingMrr()).isEqualTo(new BigDecimal("10"));
        assertThat(report.metrics().lineChurnMrr()).isEqualTo(new BigDecimal("-2.500"));
        assertThat(report.metrics().endingMrr()).isEqualTo(new BigDecimal("17.0000"));
    }

    @Test
    void aLedgerWithoutItemsOrWithoutTheWindowsCustomers() {
        TenantDataset dataset = TenantDatasetFixture.dataset().customer("a", "segment", "smb")
                .customer("b").holds("b", "core", "5", "2027-01-01").build();
        MrrLedger ledger = MrrLedger.of(dataset);
        assertSameReports(ledger, YEAR_2025, "segment");
        assertSameReports(ledger, YEAR_2025, null);
    }

    /** Two customers, one with a 34-digit amount at scale 32, the other with {@code amount} on two lines. */
    private static MrrLedger ledgerWith(String amount) {
        BigDecimal big = new BigDecimal(amount);
        BigDecimal yearly500 = new BigDecimal("41.66666666666666666666666666666667");
        TenantDataset dataset = TenantDatasetFixture.dataset()
                .product("core", "core", LineKind.CORE).product("analytics", "analytics", LineKind.MODULE)
                .product("automation", "automation", LineKind.MODULE)
                .customer("a", "segment", "smb").customer("b", "segment", "enterprise").build();
        int nov2024 = (int) LocalDate.parse("2024-11-01").toEpochDay();
        int mar2025 = (int) LocalDate.parse("2025-03-01").toEpochDay();
        int jun2025 = (int) LocalDate.parse("2025-06-01").toEpochDay();
        int oct2025 = (int) LocalDate.parse("2025-10-01").toEpochDay();
        PricedItem[][] items = {
            {new PricedItem(2, nov2024, PricedItem.OPEN, yearly500, false)},
            {new PricedItem(2, nov2024, PricedItem.OPEN, big, false), new PricedItem(0, mar2025, oct2025, big, true),
                new PricedItem(1, jun2025, PricedItem.OPEN, yearly500, false)},
        };
        return MrrLedger.restore(dataset, items, new PricedCharge[][] {{}, {}});
    }

    private static void assertSameReports(MrrLedger ledger, Window window, String segmentBy) {
        CrossSellReport fixed = CrossSellCalculator.fixedPointReport(ledger, window, segmentBy);
        CrossSellReport decimal = CrossSellCalculator.decimalReport(ledger, window, segmentBy);
        assertThat(fixed).as("the fixed-point report of %s", window).isNotNull();
        assertThat(fixed).isEqualTo(decimal);
        assertThat(fixed.toString()).isEqualTo(decimal.toString());
        assertThat(CrossSellCalculator.report(ledger, window, segmentBy)).isEqualTo(decimal);
    }
}
