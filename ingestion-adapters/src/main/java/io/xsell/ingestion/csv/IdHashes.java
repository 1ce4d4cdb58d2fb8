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
final class IdHashes {
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

    int size() {
        return size;
    }

    /** True when two of the ids added may be equal (two hashes are); the hashes are let go. */
    boolean mayRepeat() {
        long[] all = new long[size];
        for (int from = 0; from < size; from += BLOCK) {
            System.arraycopy(blocks[from >>> BLOCK_BITS], 0, all, from, Math.min(BLOCK, size - from));
        }
        blocks = new long[16][];
        size = 0;
        Arrays.parallelSort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
