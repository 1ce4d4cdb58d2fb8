package io.xsell.ingestion.csv;

/**
 * Values remembered by the text they were read from, looked up by a {@link CellRange} without making
 * a string of it: dates, amounts, codes and attribute values repeat across millions of rows, so a
 * cell costs a hash and a compare of its characters. Holds at most {@code limit} texts, so data with
 * few repeats cannot blow it up; past that, {@link #put} keeps nothing. Not thread-safe.
 */
final class TextCache<V> {
    private final int limit;
    private String[] keys = new String[64];
    private Object[] values = new Object[64];
    private int[] hashes = new int[64];
    private int size;

    TextCache(int limit) {
        this.limit = limit;
    }

    /** The value remembered for the range's text, or null. */
    @SuppressWarnings("unchecked")
    V get(CellRange range) {
        int hash = range.stringHash();
        int mask = keys.length - 1;
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].contentEquals(range)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Remembers {@code value} for {@code text} (not already held) unless the cache is full. */
    void put(String text, V value) {
        if (size >= limit) {
            return;
        }
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        insert(text, text.hashCode(), value);
    }

    int size() {
        return size;
    }

    private void insert(String text, int hash, Object value) {
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = text;
        hashes[slot] = hash;
        values[slot] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new String[oldKeys.length * 2];
        values = new Object[keys.length];
        hashes = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    // neighbouring texts ("2025-01-01", "2025-01-02") have neighbouring hashes: scatter them
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
