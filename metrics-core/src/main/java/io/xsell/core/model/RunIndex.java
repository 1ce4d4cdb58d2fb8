package io.xsell.core.model;

import java.util.Arrays;

/**
 * Which run of equal values a row falls in, for a column whose equal values follow each other (a
 * customer's items, a subscription's items): one bit a row marks where a run starts, and a count
 * every 64 rows turns a row into its run's number with one popcount. A million runs over three
 * million rows cost 0.5 MB instead of a code per row (12 MB as ints).
 */
final class RunIndex {
    private final long[] starts;
    private final int[] runsBefore;

    private RunIndex(long[] starts) {
        this.starts = starts;
        this.runsBefore = new int[starts.length];
        int runs = 0;
        for (int w = 0; w < starts.length; w++) {
            runsBefore[w] = runs;
            runs += Long.bitCount(starts[w]);
        }
    }

    /**
     * The runs marked in {@code starts} (a bit a row) over {@code rows} rows, kept as given.
     *
     * @throws IllegalArgumentException when the bits do not cover exactly the rows, or row 0 starts no run
     */
    static RunIndex of(long[] starts, int rows, String column) {
        ItemsImageCheck.bits(column, starts, rows);
        if (rows > 0 && (starts[0] & 1) == 0) {
            throw new IllegalArgumentException(column + ": row 0 must start a run");
        }
        return new RunIndex(starts);
    }

    /** The number of runs. */
    int runs() {
        return starts.length == 0 ? 0 : runsBefore[starts.length - 1] + Long.bitCount(starts[starts.length - 1]);
    }

    /** The bit a row marking where runs start: a copy. */
    long[] starts() {
        return starts.clone();
    }

    /** The run of {@code row}, counted from 0. */
    int runOf(int row) {
        int w = row >>> 6;
        long upToRow = starts[w] & (-1L >>> (63 - (row & 63)));
        return runsBefore[w] + Long.bitCount(upToRow) - 1;
    }

    long retainedBytes() {
        return HeapFootprint.object(2 * HeapFootprint.REF) + HeapFootprint.longArray(starts.length)
                + HeapFootprint.intArray(runsBefore.length);
    }

    /** Marks run starts row by row; row 0 always starts one. */
    static final class Builder {
        private long[] starts;
        private int rows;

        /** Room for {@code rows} rows before the bits grow. */
        Builder(int rows) {
            starts = new long[Math.max(16, (rows + 63) >>> 6)];
        }

        void add(boolean startsRun) {
            int w = rows >>> 6;
            if (w == starts.length) {
                starts = Arrays.copyOf(starts, w * 2);
            }
            if (startsRun || rows == 0) {
                starts[w] |= 1L << (rows & 63);
            }
            rows++;
        }

        /** True when row {@code row}, already added, starts a run. */
        boolean startsRun(int row) {
            return (starts[row >>> 6] & 1L << (row & 63)) != 0;
        }

        RunIndex build() {
            return new RunIndex(Arrays.copyOf(starts, (rows + 63) >>> 6));
        }
    }
}
