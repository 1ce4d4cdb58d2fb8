package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdLineIndexTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void keepsTheFirstLineOfEveryIdAcrossGrowth(boolean packed) {
        IdLineIndex index = packed ? IdLineIndex.packed() : new IdLineIndex();
        for (int i = 0; i < 50_000; i++) {
            assertThat(index.putIfAbsent("c" + i, i + 2)).isZero();
        }

        assertThat(index.size()).isEqualTo(50_000);
        assertThat(index.putIfAbsent("c0", 99_999)).isEqualTo(2);
        assertThat(index.putIfAbsent("c49999", 99_999)).isEqualTo(50_001);
        assertThat(index.contains("c12345")).isTrue();
        assertThat(index.contains("c50000")).isFalse();
    }

    @Test
    void packedIdsCompareByEveryCharacterWhateverTheirLengthOrScript() {
        IdLineIndex index = IdLineIndex.packed();
        String longId = "x".repeat(BoundedCsvReader.CELL_MAX);
        // "Aa" and "BB" share a hash code: only the characters tell them apart
        assertThat(index.putIfAbsent("Aa", 2)).isZero();
        assertThat(index.putIfAbsent("BB", 3)).isZero();
        assertThat(index.putIfAbsent("", 4)).isZero();
        assertThat(index.putIfAbsent("\u6771\u4eac-1", 5)).isZero();
        assertThat(index.putIfAbsent(longId, 6)).isZero();

        assertThat(index.putIfAbsent(new String("BB"), 9)).isEqualTo(3);
        assertThat(index.putIfAbsent(new String("Aa"), 9)).isEqualTo(2);
        assertThat(index.putIfAbsent("", 9)).isEqualTo(4);
        assertThat(index.putIfAbsent("\u6771\u4eac-1", 9)).isEqualTo(5);
        assertThat(index.putIfAbsent("\u6771\u4eac-2", 9)).isZero();
        assertThat(index.putIfAbsent("x".repeat(BoundedCsvReader.CELL_MAX), 9)).isEqualTo(6);
        assertThat(index.contains("x".repeat(BoundedCsvReader.CELL_MAX - 1))).isFalse();
        assertThatThrownBy(() -> index.find("BB")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void packedIdsKeepTheirCharactersAcrossPages() {
        IdLineIndex index = IdLineIndex.packed();
        // 400 ids of 5,000 characters and more fill about sixteen pages; none is split between two
        // every third id takes two bytes a character
        for (int i = 0; i < 400; i++) {
            assertThat(index.putIfAbsent(longId(i, i % 7), i + 2)).isZero();
        }
        assertThat(index.putIfAbsent("short", 500)).isZero();

        for (int i = 0; i < 400; i++) {
            assertThat(index.putIfAbsent(longId(i, i % 7), 9_999)).as("id %d", i).isEqualTo(i + 2);
            assertThat(index.contains(longId(i, (i + 1) % 7))).isFalse();
            assertThat(index.contains(longId(i, i % 7).replace('y', 'z'))).isFalse();
        }
        assertThat(index.lineOf("short")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anIndexToldHowManyIdsComeHoldsThemWithoutGrowingAndTakesMore(boolean packed) {
        IdLineIndex index = packed ? IdLineIndex.packed() : new IdLineIndex();
        index.putIfAbsent("early", 2); // kept through the reservation
        index.reserve(30_000);
        int reserved = index.capacity();
        assertThat(reserved * 3L / 4).isGreaterThanOrEqualTo(30_000);
        for (int i = 0; i < 30_000; i++) {
            assertThat(index.putIfAbsent("c" + i, i + 3)).isZero();
        }
        assertThat(index.capacity()).isEqualTo(reserved);
        for (int i = 30_000; i < 60_000; i++) {
            assertThat(index.putIfAbsent("c" + i, i + 3)).isZero(); // past the estimate, it grows
        }

        assertThat(index.capacity()).isGreaterThan(reserved);
        assertThat(index.putIfAbsent("early", 99)).isEqualTo(2);
        assertThat(index.putIfAbsent("c29999", 99)).isEqualTo(30_002);
        assertThat(index.putIfAbsent("c59999", 99)).isEqualTo(60_002);
        index.reserve(10); // never shrinks
        assertThat(index.lineOf("c0")).isEqualTo(3);
    }

    @Test
    void aReservationIsBoundedWhateverTheEstimate() {
        IdLineIndex index = IdLineIndex.packed();
        index.reserve(Integer.MAX_VALUE);

        assertThat(index.capacity()).isEqualTo(1 << 22);
        assertThat(IdLineIndex.RESERVE_MAX * 4L).isLessThanOrEqualTo(3L << 22);
    }

    private static String longId(int i, int extra) {
        return (i % 3 == 0 ? "\u0101" : "y") + "y".repeat(5_000 + extra) + i;
    }

    @Test
    void handsOutTheStoredInstanceForEqualIds() {
        IdLineIndex index = new IdLineIndex();
        String stored = new String("cust-1");
        index.putIfAbsent(stored, 2);

        assertThat(index.find(new String("cust-1"))).isSameAs(stored);
        assertThat(index.find("cust-2")).isNull();
    }
}
