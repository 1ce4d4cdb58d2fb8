package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportOrderTest {

    @Test
    void putsRowsBackInSeqOrderWhateverOrderTheyArrive() {
        ImportOrder<String> order = new ImportOrder<>("customers", "csv");
        for (int seq = 2999; seq >= 0; seq -= 2) {
            order.put(seq, "row" + seq);
        }
        for (int seq = 0; seq < 3000; seq += 2) {
            order.put(seq, "row" + seq);
        }

        List<String> rows = new ArrayList<>(List.of("earlier source"));
        order.addTo(rows);

        assertThat(rows).hasSize(3001).startsWith("earlier source", "row0", "row1").endsWith("row2999");
    }

    @Test
    void refusesGapsAndRepeatedPositions() {
        ImportOrder<String> gap = new ImportOrder<>("products", "csv");
        gap.put(0, "a");
        gap.put(2, "c");
        assertThatThrownBy(() -> gap.addTo(new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("products")
                .hasMessageContaining("1 gap(s)");

        ImportOrder<String> twice = new ImportOrder<>("products", "csv");
        twice.put(0, "a");
        assertThatThrownBy(() -> twice.put(0, "b")).hasMessageContaining("seq 0 twice");
        assertThatThrownBy(() -> twice.put(-1, "c")).hasMessageContaining("a negative seq -1");
    }
}
