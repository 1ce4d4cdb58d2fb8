package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntSequenceTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 64, 65, IntSequence.BLOCK - 1, IntSequence.BLOCK, IntSequence.BLOCK + 1,
            3 * IntSequence.BLOCK + 17})
    void holdsWhatWasAppendedInOrderAcrossBlocks(int count) {
        IntSequence sequence = new IntSequence();
        for (int i = 0; i < count; i++) {
            sequence.add(i * 7 - 3);
        }

        assertThat(sequence.size()).isEqualTo(count);
        if (count > 0) {
            assertThat(sequence.get(count - 1)).isEqualTo((count - 1) * 7 - 3);
            assertThat(sequence.get(0)).isEqualTo(-3);
        }
        assertThatThrownBy(() -> sequence.get(count)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sequence.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(sequence.drain()).isEqualTo(IntStream.range(0, count).map(i -> i * 7 - 3).toArray());

        assertThat(sequence.size()).isZero();
        sequence.add(42);
        assertThat(sequence.drain()).containsExactly(42);
    }
}
