package io.xsell.server.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The column readers {@link SnapshotInput#counts} and {@link SnapshotInput#deltas} read exactly
 * what value-by-value reads of the same bytes give, one-byte and longer values mixed, and refuse
 * what those refuse.
 */
class SnapshotInputColumnsTest {

    @Test
    void countsReadWhatCountReadsOneByOne() throws IOException {
        Random random = new Random(17);
        long[] values = new long[10_000];
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (k % 5) {
                case 0 -> random.nextInt(128); // one byte
                case 1 -> 127 + random.nextInt(20); // around the one-byte limit
                case 2 -> random.nextInt(1 << 20);
                case 3 -> Integer.MAX_VALUE - random.nextInt(3);
                default -> 0;
            };
        }
        byte[] bytes = write(out -> {
            for (long v : values) {
                out.unsigned(v);
            }
            out.unsigned(99); // something after the column
        });

        SnapshotInput bulk = new SnapshotInput(bytes);
        int[] read = new int[values.length];
        bulk.counts(read, 1L << 31);
        SnapshotInput single = new SnapshotInput(bytes);
        for (int k = 0; k < values.length; k++) {
            assertThat(read[k]).as("value %d", k).isEqualTo(single.count(1L << 31)).isEqualTo((int) values[k]);
        }
        assertThat(bulk.count(1000)).as("stops right after the column").isEqualTo(99);
        assertThat(bulk.atEnd()).isTrue();
    }

    @Test
    void countsRefuseAValueAtOrAboveTheBoundOneByteOrLonger() throws IOException {
        byte[] small = write(out -> {
            out.unsigned(3);
            out.unsigned(5);
        });
        assertThatThrownBy(() -> new SnapshotInput(small).counts(new int[2], 5))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("count 5 is not below 5");
        byte[] large = write(out -> out.unsigned(1L << 31));
        assertThatThrownBy(() -> new SnapshotInput(large).counts(new int[1], 1L << 31))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("is not below");
        byte[] shortColumn = write(out -> out.unsigned(1));
        assertThatThrownBy(() -> new SnapshotInput(shortColumn).counts(new int[2], 5)).isInstanceOf(IOException.class);
    }

    @Test
    void deltasSumZigZagDifferencesAsSignedReadsDo() throws IOException {
        Random random = new Random(23);
        int[] expected = new int[10_000];
        long previous = 0;
        long[] differences = new long[expected.length];
        for (int k = 0; k < expected.length; k++) {
            long next = switch (k % 4) {
                case 0 -> previous + random.nextInt(129) - 64; // one byte, either sign
                case 1 -> previous + random.nextInt(1 << 16) - (1 << 15);
                case 2 -> k % 8 == 2 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                default -> random.nextInt(1000); // back from the extremes
            };
            differences[k] = next - previous;
            expected[k] = (int) next;
            previous = next;
        }
        byte[] bytes = write(out -> {
            for (long d : differences) {
                out.signed(d);
            }
        });

        int[] read = new int[expected.length];
        SnapshotInput in = new SnapshotInput(bytes);
        in.deltas(read);
        assertThat(read).isEqualTo(expected);
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void deltasRefuseASumBeyondAnInt() throws IOException {
        byte[] up = write(out -> {
            out.signed(Integer.MAX_VALUE);
            out.signed(1); // one byte
        });
        assertThatThrownBy(() -> new SnapshotInput(up).deltas(new int[2]))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("does not fit an int");
        byte[] down = write(out -> {
            out.signed(Integer.MIN_VALUE);
            out.signed(-1000); // two bytes
        });
        assertThatThrownBy(() -> new SnapshotInput(down).deltas(new int[2]))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("does not fit an int");
    }

    private interface Writes {
        void to(SnapshotOutput out) throws IOException;
    }

    private static byte[] write(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput out = new SnapshotOutput(bytes);
        writes.to(out);
        out.flush();
        return bytes.toByteArray();
    }
}
