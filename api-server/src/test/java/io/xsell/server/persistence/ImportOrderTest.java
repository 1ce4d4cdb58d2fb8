package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportOrderTest {

    @Test
    void putsRowsBackInSeqOrderWhateverOrderTheyArrive() {
        ImportOrder order = new ImportOrder("customers", "csv", 1);
        for (int seq = 2999; seq >= 0; seq -= 2) {
            order.put(seq, new Object[] {"row" + seq});
        }
        for (int seq = 0; seq < 3000; seq += 2) {
            order.put(seq, new Object[] {"row" + seq});
        }

        List<Object> rows = new ArrayList<>(List.of("earlier source"));
        order.forEach((cells, at) -> rows.add(cells[at]));

        assertThat(rows).hasSize(3001).startsWith("earlier source", "row0", "row1").endsWith("row2999");
    }

    @Test
    void keepsRowsOfSeveralCellsSideBySideAndCopiesTheCellsItIsGiven() {
        ImportOrder order = new ImportOrder("subscription_items", "csv", 3);
        Object[] reused = new Object[3];
        for (int seq = 2999; seq >= 0; seq--) {
            reused[0] = "id" + seq;
            reused[1] = seq;
            reused[2] = seq % 2 == 0 ? null : "odd";
            order.put(seq, reused);
        }

        List<List<Object>> rows = new ArrayList<>();
        order.forEach((cells, at) -> rows.add(java.util.Arrays.asList(cells[at], cells[at + 1], cells[at + 2])));

        assertThat(order.size()).isEqualTo(3000);
        assertThat(order.count()).isEqualTo(3000);
        assertThat(rows).hasSize(3000);
        assertThat(rows.get(0)).containsExactly("id0", 0, null);
        assertThat(rows.get(1)).containsExactly("id1", 1, "odd");
        assertThat(rows.get(2999)).containsExactly("id2999", 2999, "odd");
    }

    @Test
    void refusesGapsAndRepeatedPositions() {
        ImportOrder gap = new ImportOrder("products", "csv", 1);
        gap.put(0, new Object[] {"a"});
        gap.put(2, new Object[] {"c"});
        assertThat(gap.size()).isEqualTo(3);
        assertThat(gap.count()).isEqualTo(2);
        assertThatThrownBy(() -> gap.forEach((cells, at) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("products")
                .hasMessageContaining("1 gap(s)");

        ImportOrder twice = new ImportOrder("products", "csv", 1);
        twice.put(0, new Object[] {"a"});
        assertThatThrownBy(() -> twice.put(0, new Object[] {"b"})).hasMessageContaining("seq 0 twice");
        assertThatThrownBy(() -> twice.put(-1, new Object[] {"c"})).hasMessageContaining("a negative seq -1");
    }
}
