package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.Customer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerPositionsTest {

    @Test
    void mapsEachKeptCustomerToItsPositionAndNothingElse() {
        IdLineIndex ids = new IdLineIndex();
        ids.putIfAbsent("c1", 2);
        ids.putIfAbsent("rejected", 3); // its row was refused: in the index, not among the customers
        ids.putIfAbsent("c2", 5); // after a blank line and a quoted line break
        ids.putIfAbsent("c3", 6);
        List<Customer> customers = List.of(Customer.of("c1", Map.of()), Customer.of("c2", Map.of()),
                Customer.of("c3", Map.of()));

        Map<String, Integer> positions = new CustomerPositions(customers, ids, new int[] {2, 5, 6});

        assertThat(positions).isEqualTo(Map.of("c1", 0, "c2", 1, "c3", 2));
        assertThat(positions.get("c3")).isEqualTo(2);
        assertThat(positions.get("rejected")).isNull();
        assertThat(positions.get("c4")).isNull();
        assertThat(positions.get(7)).isNull();
        assertThat(positions.containsKey("c2")).isTrue();
        assertThat(positions).hasSize(3);
    }

    @Test
    void refusesLinesThatDoNotMatchTheCustomers() {
        assertThatThrownBy(() -> new CustomerPositions(List.of(Customer.of("c1", Map.of())), new IdLineIndex(),
                new int[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
