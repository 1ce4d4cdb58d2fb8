package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PricedItemColumns.Builder#sharing}: two halves in one set of arrays build what one builder builds. */
class PricedItemColumnsBuilderTest {
    private static final int CUSTOMERS = 300;

    private record Item(int customer, int line, int from, int end, BigDecimal amount, boolean bundled) {
    }

    private static Item[] items(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Item[] items = new Item[rows];
        for (int i = 0; i < rows; i++) {
            int from = 20_000 + random.nextInt(900);
            int end = random.nextInt(3) == 0 ? PricedItem.OPEN : from + 1 + random.nextInt(400);
            // amounts repeat, some only in the second half, some as another scale of an equal value
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(i < rows / 2 ? 40 : 80), random.nextInt(3));
            items[i] = new Item(random.nextInt(CUSTOMERS), random.nextInt(4), from, end, amount, random.nextBoolean());
        }
        return items;
    }

    private static void add(PricedItemColumns.Builder builder, Item item) {
        builder.add(item.customer(), item.line(), item.from(), item.end(), item.amount(), item.bundled());
    }

    @Test
    void aSecondHalfInTheSameArraysBuildsTheColumnsOfOneBuilder() {
        for (long seed = 1; seed <= 20; seed++) {
            int rows = 2_000;
            Item[] items = items(rows, seed);
            int split = rows / 2;
            PricedItemColumns.Builder one = new PricedItemColumns.Builder(rows);
            for (Item item : items) {
                add(one, item);
            }
            PricedItemColumns.Builder first = new PricedItemColumns.Builder(rows);
            PricedItemColumns.Builder second = first.sharing(split);
            // rows skipped in either half (as pricing skips trials that outlive their item) leave a gap
            SplittableRandom skip = new SplittableRandom(seed);
            PricedItemColumns.Builder oneKept = new PricedItemColumns.Builder(rows);
            for (int i = rows - 1; i >= split; i--) { // the second half may well be written first
                items[i] = skip.nextInt(10) == 0 ? null : items[i];
            }
            for (int i = 0; i < split; i++) {
                items[i] = skip.nextInt(10) == 0 ? null : items[i];
            }
            for (int i = split; i < rows; i++) {
                if (items[i] != null) {
                    add(second, items[i]);
                }
            }
            for (int i = 0; i < split; i++) {
                if (items[i] != null) {
                    add(first, items[i]);
                }
            }
            first.addAll(second);
            // the second half lets go of the shared arrays, and the first of all of them once built:
            // a builder promoted while pricing would otherwise keep G1 from freeing them
            assertThat(second.released()).isTrue();
            assertThat(first.released()).isFalse();
            for (Item item : items) {
                if (item != null) {
                    add(oneKept, item);
                }
            }
            PricedItemsImage expected = oneKept.build(CUSTOMERS).image();
            PricedItemsImage actual = first.build(CUSTOMERS).image();
            assertThat(first.released()).isTrue();
            assertThat(actual.firstItem()).isEqualTo(expected.firstItem());
            assertThat(actual.line()).isEqualTo(expected.line());
            assertThat(actual.activeFrom()).isEqualTo(expected.activeFrom());
            assertThat(actual.end()).isEqualTo(expected.end());
            assertThat(actual.monthlyCode()).isEqualTo(expected.monthlyCode());
            assertThat(actual.amounts()).containsExactlyElementsOf(expected.amounts());
            assertThat(actual.amounts()).extracting(BigDecimal::scale)
                    .containsExactlyElementsOf(expected.amounts().stream().map(BigDecimal::scale).toList());
            assertThat(actual.bundled()).isEqualTo(expected.bundled());
            assertThat(one.build(CUSTOMERS).image().line()).hasSize(rows);
        }
    }

    @Test
    void aSharingBuilderDoesNotGrowOverTheArrays() {
        PricedItemColumns.Builder first = new PricedItemColumns.Builder(20);
        PricedItemColumns.Builder second = first.sharing(18);
        add(second, new Item(0, 0, 1, 2, BigDecimal.ONE, false));
        add(second, new Item(0, 0, 1, 2, BigDecimal.ONE, false));
        assertThatThrownBy(() -> add(second, new Item(0, 0, 1, 2, BigDecimal.ONE, false)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstHalfMayNotReachWhereTheSecondStarts() {
        PricedItemColumns.Builder first = new PricedItemColumns.Builder(20);
        PricedItemColumns.Builder second = first.sharing(2);
        add(second, new Item(0, 0, 1, 2, BigDecimal.ONE, false));
        for (int i = 0; i < 3; i++) {
            add(first, new Item(0, 0, 1, 2, BigDecimal.TEN, false));
        }
        assertThatThrownBy(() -> first.addAll(second)).isInstanceOf(IllegalStateException.class);
    }
}
