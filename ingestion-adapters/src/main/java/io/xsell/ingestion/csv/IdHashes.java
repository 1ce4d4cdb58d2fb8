package io.xsell.ingestion.csv;

import java.util.Arrays;

/**
 * A file's ids as 64-bit hashes, appended as its rows are kept and compared once it is read: a check
 * that no id repeats at the cost of a sort of the hashes, where an index of the ids costs a cache miss
 * or more per id (for the items' millions of ids, most of what checking them cost). Distinct hashes
 * prove distinct ids; equal hashes only say that an id may repeat, and the file is then checked again,
 * as its rows are kept ({@link RepeatedIds}), which names each repeat and its first line. Not
 * thread-safe: {@link #add} in file order on one thread.
 */
final class IdHashes implements RepeatCheck {
    private static final int BLOCK_BITS = 16; // 512 KB a block: none large enough for G1 to treat apart
    private static final int BLOCK = 1 << BLOCK_BITS;

    private long[][] blocks = new long[16][];
    private int size;

    /** The hash of an id, for {@link #add}: FNV-1a over its characters, then mixed (MurmurHash3's finaliser). */
    static long hashOf(String id) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }

    /** The id's hash, computed on the worker: the row carries it to {@link #earlierLine}. */
    @Override
    public long record(String id, int line) {
        return hashOf(id);
    }

    /** Adds the row's hash; a repeat is only known once the file is read ({@link #ended}), so 0. */
    @Override
    public int earlierLine(String id, int line, long recorded) {
        add(recorded);
        return 0;
    }

    @Override
    public void reserve(int ids) {
        // the hashes grow in blocks, never copied: nothing to size
    }

    @Override
    public boolean ended() {
        return mayRepeat();
    }

    void add(long hash) {
        int block = size >>> BLOCK_BITS;
        if (block == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * block);
        }
        if (blocks[block] == null) {
            blocks[block] = new long[BLOCK];
        }
        blocks[block][size & (BLOCK - 1)] = hash;
        size++;
    }

    /**
     * True when two of the ids added may be equal (two hashes are); the hashes are let go. The hashes
     * are laid out by their top byte (one pass to count, one to place), then each of the 256 groups,
     * small enough for the processor's cache, is checked with a table of its own: about a fifth of the
     * time of sorting them all.
     */
    boolean mayRepeat() {
        int[] starts = new int[BUCKETS + 1];
        for (int i = 0; i < size; i++) {
            starts[bucketOf(get(i)) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            starts[b + 1] += starts[b];
        }
        long[] grouped = new long[size];
        int[] next = Arrays.copyOf(starts, BUCKETS);
        for (int i = 0; i < size; i++) {
            long hash = get(i);
            grouped[next[bucketOf(hash)]++] = hash;
        }
        blocks = new long[16][];
        size = 0;
        long[] table = new long[16];
        for (int b = 0; b < BUCKETS; b++) {
            int from = starts[b];
            int count = starts[b + 1] - from;
            int slots = Integer.highestOneBit(Math.max(8, count) * 2 - 1) << 1; // at most half full
            if (table.length < slots) {
                table = new long[slots];
            } else {
                Arrays.fill(table, 0, slots, 0L);
            }
            if (anyTwice(grouped, from, count, table, slots - 1)) {
                return true;
            }
        }
        return false;
    }

    private static final int BUCKETS = 256;

    private static int bucketOf(long hash) {
        return (int) (hash >>> 56);
    }

    private long get(int index) {
        return blocks[index >>> BLOCK_BITS][index & (BLOCK - 1)];
    }

    // an open-addressing set of the group's hashes by their low bits; 0 stands for a free slot, so a
    // hash of 0 is counted apart
    private static boolean anyTwice(long[] hashes, int from, int count, long[] table, int mask) {
        boolean zero = false;
        for (int i = from; i < from + count; i++) {
            long hash = hashes[i];
            if (hash == 0) {
                if (zero) {
                    return true;
                }
                zero = true;
                continue;
            }
            int slot = (int) hash & mask;
            while (table[slot] != 0) {
                if (table[slot] == hash) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = hash;
        }
        return false;
    }
}
