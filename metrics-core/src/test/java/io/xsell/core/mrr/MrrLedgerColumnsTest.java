package io.xsell.core.mrr;

import io.xsell.core.model.NarrowInts;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.Customer;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The columnar ledger reads back exactly the items a ledger of {@link PricedItem} objects held,
 * at every code width: 300 lines need two bytes a line, some 80,000 distinct amounts three bytes a code.
 */
class MrrLedgerColumnsTest {
    private static final int CUSTOMERS = 2_000;
    private static final int LINES = 300;
    private static final int ITEMS = 90_000;
    private static final TenantDataset WIDE = wide();

    private static TenantDataset wide() {
        Random random = new Random(7);
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
        }
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < LINES; p++) {
            products.add(Product.standalone("p" + p));
        }
        LocalDate base = LocalDate.parse("2024-01-01");
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            LocalDate start = base.plusDays(random.nextInt(40) * 15L); // many items start on the same day
            String amount = i % 100 == 0 ? (i % 200 == 0 ? "10" : "10.0") : i + "." + (i % 100); // scale kept apart
            RecurringItem.Builder b = RecurringItem.builder("i" + i, "c" + random.nextInt(CUSTOMERS),
                    "p" + random.nextInt(LINES)).currency("USD").start(start).unitAmount(amount);
            int shape = random.nextInt(12);
            if (shape == 0 || shape == 3) {
                b.end(start.plusDays(30 + random.nextInt(400)));
            }
            if (shape == 1 || shape == 3) {
                b.bundle("b" + random.nextInt(50));
            } else if (shape == 2) {
                b.end(start.plusDays(10)).trialEnd(start.plusDays(20)); // never earns: not in the ledger
            }
            items.add(b.build());
        }
        return TenantDataset.of("USD", customers, products, items, List.of(), List.of());
    }

    /** What the ledger held before it was columnar: records per customer, stably ordered by start. */
    private static PricedItem[][] pricedRecords(TenantDataset dataset) {
        Map<String, Integer> customer = new HashMap<>();
        for (int c = 0; c < dataset.customers().size(); c++) {
            customer.put(dataset.customers().get(c).id(), c);
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        dataset.products().forEach(p -> names.add(p.productLine()));
        List<String> lineNames = new ArrayList<>(names); // a line's index is its place in name order
        Map<String, Integer> line = new HashMap<>();
        dataset.products().forEach(p -> line.put(p.id(), lineNames.indexOf(p.productLine())));
        List<List<PricedItem>> byCustomer = new ArrayList<>();
        for (int c = 0; c < dataset.customers().size(); c++) {
            byCustomer.add(new ArrayList<>());
        }
        for (RecurringItem item : dataset.items()) {
            int from = (int) item.activeFrom().toEpochDay();
            int end = item.endDate() == null ? PricedItem.OPEN : (int) item.endDate().toEpochDay();
            if (from < end) {
                BigDecimal rate = dataset.fxRates().rateOn(item.currency(), item.startDate()).orElseThrow();
                byCustomer.get(customer.get(item.customerId())).add(new PricedItem(line.get(item.productId()), from,
                        end, ItemMrr.monthly(item, rate), item.bundleId() != null));
            }
        }
        PricedItem[][] result = new PricedItem[byCustomer.size()][];
        for (int c = 0; c < result.length; c++) {
            List<PricedItem> own = byCustomer.get(c);
            own.sort(Comparator.comparingInt(PricedItem::activeFrom));
            result[c] = own.toArray(new PricedItem[0]);
        }
        return result;
    }

    @Test
    void aWideLedgerHoldsExactlyThePricedItems() {
        MrrLedger ledger = MrrLedger.of(WIDE);
        PricedItem[][] expected = pricedRecords(WIDE);

        assertThat(ledger.lines()).hasSize(LINES);
        assertThat(ledger.columns().widths()).containsExactly(2, 2, 2, 3); // lines, starts, ends, amounts
        assertThat(ledger.columns().amountCount()).isGreaterThan(1 << 16);
        int held = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            assertThat(ledger.items(c)).containsExactly(expected[c]); // records: equal amounts, scale included
            held += expected[c].length;
        }
        assertThat(held).isGreaterThan(ITEMS / 2).isLessThan(ITEMS);
    }

    @Test
    void timelinesFromTheColumnsAreTheTimelinesOfTheRecords() {
        MrrLedger ledger = MrrLedger.of(WIDE);
        PricedItem[][] expected = pricedRecords(WIDE);
        for (int c = 0; c < CUSTOMERS; c++) {
            MrrTimeline columns = ledger.timeline(c);
            MrrTimeline records = MrrTimeline.of(expected[c], LINES);
            assertThat(columns.changeDays()).containsExactly(records.changeDays());
            assertThat(columns.movements()).isEqualTo(records.movements());
            for (int day : columns.changeDays()) {
                assertThat(columns.mrrByLineOn(day)).containsExactly(records.mrrByLineOn(day));
                assertThat(columns.mrrOn(day)).isEqualTo(records.mrrOn(day))
                        .isEqualByComparingTo(activeSum(expected[c], day));
            }
        }
    }

    private static BigDecimal activeSum(PricedItem[] items, int day) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PricedItem item : items) {
            if (item.activeFrom() <= day && day < item.end()) {
                sum = sum.add(item.monthly());
            }
        }
        return sum;
    }

    @Test
    void restoringTheRecordsGivesTheSameLedger() {
        MrrLedger priced = MrrLedger.of(WIDE);
        PricedItem[][] items = new PricedItem[CUSTOMERS][];
        PricedCharge[][] charges = new PricedCharge[CUSTOMERS][];
        for (int c = 0; c < CUSTOMERS; c++) {
            items[c] = priced.items(c);
            // copies of the amounts, as a snapshot decodes them: still one entry per distinct amount
            items[c] = Arrays.stream(items[c]).map(i -> new PricedItem(i.line(), i.activeFrom(), i.end(),
                    new BigDecimal(i.monthly().unscaledValue(), i.monthly().scale()), i.bundled()))
                    .toArray(PricedItem[]::new);
            charges[c] = priced.charges(c);
        }

        MrrLedger restored = MrrLedger.restore(WIDE, items, charges);

        for (int c = 0; c < CUSTOMERS; c++) {
            assertThat(restored.items(c)).containsExactly(priced.items(c));
        }
        assertThat(restored.retainedBytes()).isEqualTo(priced.retainedBytes());
        Window window = Window.of("2024-03-01", "2025-09-01");
        assertThat(CrossSellCalculator.report(restored, window, null))
                .isEqualTo(CrossSellCalculator.report(priced, window, null));
    }

    @Test
    void valuesTakeTheNarrowestWidthThatHoldsTheirSpread() {
        int[] values = new int[70_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        assertThat(widthAndLast(values, 256)).containsExactly(1, 255);
        assertThat(widthAndLast(values, 257)).containsExactly(2, 256);
        assertThat(widthAndLast(values, 65_536)).containsExactly(2, 65_535);
        assertThat(widthAndLast(values, 65_537)).containsExactly(3, 65_536);
        assertThat(widthAndLast(new int[] {-20_000, -19_745, -19_900}, 3)).containsExactly(1, -19_900);
        assertThat(widthAndLast(new int[] {5, (1 << 24) + 4, 7}, 3)).containsExactly(3, 7);
        assertThat(widthAndLast(new int[] {5, (1 << 24) + 5, 7}, 3)).containsExactly(4, 7);
        assertThat(widthAndLast(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1}, 3)).containsExactly(4, -1);
        assertThat(widthAndLast(new int[0], 0)).containsExactly(1);
    }

    private static int[] widthAndLast(int[] values, int length) {
        NarrowInts narrow = NarrowInts.of(values, length);
        for (int i = 0; i < length; i++) {
            assertThat(narrow.get(i)).isEqualTo(values[i]);
        }
        return length == 0 ? new int[] {narrow.width()} : new int[] {narrow.width(), narrow.get(length - 1)};
    }

    @Test
    void endsFarFromTheirStartsAreKeptAsTheyAre() {
        PricedItem[] items = {new PricedItem(0, -2_000_000_000, 2_000_000_000, BigDecimal.ONE, false),
            new PricedItem(1, 0, PricedItem.OPEN, BigDecimal.TEN, true), new PricedItem(0, 5, 6, BigDecimal.ONE, false)};
        PricedItemColumns columns = PricedItemColumns.of(new PricedItem[][] {items});
        for (int i = 0; i < items.length; i++) {
            assertThat(columns.item(i)).isEqualTo(items[i]);
        }
        assertThat(columns.amountCount()).isEqualTo(2);
    }

    @Test
    void aCustomerWithoutItemsHasNone() {
        MrrLedger ledger = MrrLedger.of(io.xsell.core.fixture.TenantDatasetFixture.dataset().customer("idle")
                .holds("a", "A", "5", "2025-01-01").build());
        int idle = ledger.customer(0).id().equals("idle") ? 0 : 1;
        assertThat(ledger.items(idle)).isEmpty();
        assertThat(ledger.timeline(idle).changeDays()).isEmpty();
        assertThat(ledger.items(1 - idle)).hasSize(1);
        assertThat(ledger.columns().widths()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void chargesReadBackInTheirOrderWithTheirScale() {
        TenantDataset data = io.xsell.core.fixture.TenantDatasetFixture.dataset().charge("a", "100", "2025-01-05")
                .charge("b", "100.0", "2025-02-01").charge("a", "7.5", "2024-12-01").holds("c", "A", "5", "2025-01-01")
                .charge("a", "100", "2025-03-01").build();
        MrrLedger ledger = MrrLedger.of(data);
        int a = index(ledger, "a");
        int b = index(ledger, "b");
        int c = index(ledger, "c");
        int day = (int) java.time.LocalDate.parse("2025-01-05").toEpochDay();

        assertThat(ledger.charges(a)).extracting(PricedCharge::day).containsExactly(day, day - 35, day + 55);
        assertThat(ledger.charges(a)).extracting(PricedCharge::amount)
                .containsExactly(new BigDecimal("100"), new BigDecimal("7.5"), new BigDecimal("100"));
        assertThat(ledger.charges(b)[0].amount()).isEqualTo(new BigDecimal("100.0")); // not 100: scale kept
        assertThat(ledger.charges(c)).isEmpty();

        PricedItem[][] items = new PricedItem[3][];
        PricedCharge[][] charges = new PricedCharge[3][];
        for (int i = 0; i < 3; i++) {
            items[i] = ledger.items(i);
            charges[i] = ledger.charges(i);
        }
        MrrLedger restored = MrrLedger.restore(data, items, charges);
        for (int i = 0; i < 3; i++) {
            assertThat(restored.charges(i)).containsExactly(ledger.charges(i));
        }
        assertThat(restored.retainedBytes()).isEqualTo(ledger.retainedBytes());
    }

    private static int index(MrrLedger ledger, String id) {
        for (int c = 0; c < ledger.customerCount(); c++) {
            if (ledger.customer(c).id().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id);
    }
}
