package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerSequenceTest {
    private static final int CUSTOMERS = 500;

    @Test
    void findsTheStoredIdsInFileOrderOutOfOrderAndNotAtAll() throws IOException {
        CustomersTable customers = read();
        CustomerSequence sequence = new CustomerSequence(customers);
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            order.add("c" + i);
            order.add("c" + i); // a customer's second row
        }
        List<String> shuffled = new ArrayList<>(order);
        Collections.shuffle(shuffled, new Random(7));
        order.addAll(shuffled); // guesses that miss, then give up guessing
        order.add("c1");
        order.add("unknown");
        order.addAll(List.of("c1", "c2", "c3")); // in order again

        Map<String, Integer> positions = customers.positions();
        for (String id : order) {
            String found = sequence.find(CellRanges.of(id));
            assertThat(found).as(id).isSameAs(customers.ids().find(id));
            // a position, when given, is the found customer's; a wrong one would misplace its items
            if (sequence.position() >= 0) {
                assertThat(customers.customers().get(sequence.position()).id()).as(id).isSameAs(found);
            }
        }
        CustomerSequence inOrder = new CustomerSequence(customers);
        for (String id : List.of("c1", "c1", "c2", "c3")) {
            inOrder.find(CellRanges.of(id));
            assertThat(inOrder.position()).as(id + ": looked up, the same, then guessed").isEqualTo(positions.get(id));
        }
        inOrder.find(CellRanges.of("unknown"));
        assertThat(inOrder.position()).isEqualTo(-1);
        assertThat(sequence.find(CellRanges.of("unknown"))).isNull();
    }

    @Test
    void looksIdsUpInTheIndexUntilTheCustomersAreRead() {
        CustomersTable customers = new CustomersTable(new ErrorCollector());

        CustomerSequence sequence = new CustomerSequence(customers);

        assertThat(sequence.find(CellRanges.of("c1"))).isNull();
        assertThat(sequence.position()).isEqualTo(-1);
    }

    private static CustomersTable read() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,segment\n");
        for (int i = 1; i <= CUSTOMERS; i++) {
            csv.append('c').append(i).append(",smb\n");
        }
        ErrorCollector errors = new ErrorCollector();
        CustomersTable customers = new CustomersTable(errors);
        CsvTableParser.read(ImportFile.CUSTOMERS, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), -1,
                errors, customers);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(customers.customers()).hasSize(CUSTOMERS);
        return customers;
    }
}
