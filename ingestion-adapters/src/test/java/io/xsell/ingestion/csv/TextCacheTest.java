package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values looked up by a cell's characters where they lie, as a map keyed by the cell's string would. */
class TextCacheTest {

    @Test
    void aRangeFindsTheValueOfEqualTextOnlyEvenWhenHashesCollide() {
        TextCache<Integer> cache = new TextCache<>(100);
        cache.put("Aa", 1); // "Aa" and "BB" share a String hash code
        cache.put("BB", 2);

        assertThat(cache.get(range("xAay", 1, 3))).isEqualTo(1);
        assertThat(cache.get(CellRanges.of("BB"))).isEqualTo(2);
        assertThat(cache.get(CellRanges.of("Ab"))).isNull();
        assertThat(cache.get(CellRanges.of("A"))).isNull();
    }

    @Test
    void growsPastItsFirstTableAndStopsAtItsLimit() {
        TextCache<String> cache = new TextCache<>(5_000);
        for (int i = 0; i < 6_000; i++) {
            cache.put("2025-01-" + i, "v" + i);
        }
        assertThat(cache.size()).isEqualTo(5_000);
        assertThat(cache.get(CellRanges.of("2025-01-4999"))).isEqualTo("v4999");
        assertThat(cache.get(CellRanges.of("2025-01-5000"))).isNull();
    }

    @Test
    void aRangeHashesAndComparesAsItsString() {
        CellRange range = range("  ab\u00e9\u9879 ", 2, 6);
        assertThat(range.toString()).isEqualTo("ab\u00e9\u9879");
        assertThat(range.stringHash()).isEqualTo("ab\u00e9\u9879".hashCode());
        assertThat("ab\u00e9\u9879".contentEquals(range)).isTrue();
        assertThat("ab\u00e9".contentEquals(range)).isFalse();
    }

    private static CellRange range(String text, int from, int to) {
        CellRange range = new CellRange();
        range.set(text.toCharArray(), from, to);
        return range;
    }
}
