package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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

    @Test
    void aBlockWidensOnlyWhenAValueNeedsItAndKeepsWhatItHeld() {
        int b = IntSequence.BLOCK;
        int[] values = new int[3 * b + 100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 251; // bytes everywhere, but:
        }
        values[10] = 300; // block 0 to shorts, after small values
        values[b - 1] = 70_000; // block 0 to ints on its last value
        values[b + 5] = -1; // block 1 from bytes straight to ints
        values[2 * b] = 65_535; // block 2 starts with the widest short
        values[2 * b + 1] = 65_536; // then needs an int
        values[3 * b + 99] = Integer.MIN_VALUE;
        IntSequence sequence = new IntSequence();
        for (int value : values) {
            sequence.add(value);
        }

        for (int i = 0; i < values.length; i++) {
            assertThat(sequence.get(i)).as("value %d", i).isEqualTo(values[i]);
        }
        int[] range = new int[b + 10];
        sequence.copyTo(b - 3, 2 * b + 7, range, 0);
        for (int i = 0; i < b + 10; i++) {
            assertThat(range[i]).as("copied value %d", b - 3 + i).isEqualTo(values[b - 3 + i]);
        }
        assertThat(sequence.drain()).isEqualTo(values);
    }

    @Test
    void smallValuesAreHeldInAByteOrTwoAndOnlyTheBlockThatNeedsMoreIsWider() {
        int b = IntSequence.BLOCK;
        IntSequence codes = new IntSequence();
        for (int i = 0; i < 4 * b; i++) {
            codes.add(i % 200);
        }
        assertThat(codes.heldBytes()).isEqualTo(4L * b);

        codes.add(1_000); // the fifth block: two bytes, the four before stay one
        assertThat(codes.heldBytes()).isEqualTo(4L * b + 2L * b);
        codes.add(-5); // now four
        assertThat(codes.heldBytes()).isEqualTo(4L * b + 4L * b);

        IntSequence lengths = new IntSequence();
        for (int i = 0; i < 2 * b + 1; i++) {
            lengths.add(i < b ? 7 : 40_000); // block 1 widens, block 2 starts as wide as it
        }
        assertThat(lengths.heldBytes()).isEqualTo(b + 2L * b + 2L * b);
        assertThat(lengths.get(b - 1)).isEqualTo(7);
        assertThat(lengths.get(2 * b)).isEqualTo(40_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 255, 256, 65_535, 65_536, 16_777_215, 16_777_216, 4_294_967_295L})
    void drainsNarrowAsNarrowIntsKeepsTheDrainedArray(long spread) {
        SplittableRandom random = new SplittableRandom(spread);
        int count = 2 * IntSequence.BLOCK + 333;
        int[] values = new int[count];
        long low = spread > Integer.MAX_VALUE ? Integer.MIN_VALUE : random.nextInt(-1_000_000, 1_000_000);
        for (int i = 0; i < count; i++) {
            values[i] = (int) (low + (spread == 0 ? 0 : random.nextLong(spread + 1)));
        }
        values[count / 2] = (int) low;
        values[count / 3] = (int) (low + spread);
        IntSequence sequence = new IntSequence();
        for (int value : values) {
            sequence.add(value);
        }

        NarrowInts expected = NarrowInts.of(values, count);
        NarrowInts narrow = sequence.drainNarrow();

        assertThat(narrow.width()).isEqualTo(expected.width());
        assertThat(narrow.size()).isEqualTo(count);
        assertThat(narrow.retainedBytes()).isEqualTo(expected.retainedBytes());
        assertThat(narrow.toArray()).isEqualTo(values);
        assertThat(sequence.size()).isZero();
        assertThat(sequence.heldBytes()).isEqualTo(64);
    }

    @Test
    void anEmptySequenceDrainsNarrowAsAnEmptyArrayWould() {
        NarrowInts narrow = new IntSequence().drainNarrow();
        NarrowInts expected = NarrowInts.of(new int[0], 0);

        assertThat(narrow.size()).isZero();
        assertThat(narrow.width()).isEqualTo(expected.width());
        assertThat(narrow.retainedBytes()).isEqualTo(expected.retainedBytes());
    }
}
