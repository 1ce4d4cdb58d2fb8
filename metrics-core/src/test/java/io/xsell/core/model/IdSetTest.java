package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void answersAsAHashSetDoesForEqualButDistinctStringsAndPastItsExpectedSize() {
        IdSet ids = new IdSet(3); // grows well past what it was sized for
        Set<String> reference = new HashSet<>();
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String id = new String("c-" + random.nextInt(10_000)); // a new instance every time
            assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
        }
        for (int n = 0; n < 12_000; n++) {
            String id = new String("c-" + n);
            assertThat(ids.contains(id)).as(id).isEqualTo(reference.contains(id));
        }
        assertThat(ids.contains("")).isFalse();
        assertThat(ids.add("")).isTrue();
        assertThat(ids.add(new String(""))).isFalse();
    }
}
