package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdLineIndexTest {

    @Test
    void keepsTheFirstLineOfEveryIdAcrossGrowth() {
        IdLineIndex index = new IdLineIndex();
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
    void handsOutTheStoredInstanceForEqualIds() {
        IdLineIndex index = new IdLineIndex();
        String stored = new String("cust-1");
        index.putIfAbsent(stored, 2);

        assertThat(index.find(new String("cust-1"))).isSameAs(stored);
        assertThat(index.find("cust-2")).isNull();
    }
}
