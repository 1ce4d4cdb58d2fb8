package io.xsell.server.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Values found by the UTF-8 bytes of their text, as a result set hands them out
 * ({@code ResultSet.getBytes} of a text column: PostgreSQL's driver gives the row's own array, no
 * copy), so that a cell whose text was seen before costs no {@code String}. A text seen for the
 * first time is decoded once and given to {@code make}, whose value every later equal text gets.
 * Open addressing over a power-of-two table. Not thread-safe; lives as long as one load.
 */
final class TextKeyed<T> {
    private final Function<String, T> make;
    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private Object[] values = new Object[64];
    private int size;

    TextKeyed(Function<String, T> make) {
        this.make = make;
    }

    /** The value of {@code utf8}'s text, null for null. {@code utf8} is not kept (a copy is). */
    @SuppressWarnings("unchecked")
    T get(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        int hash = Arrays.hashCode(utf8);
        int mask = keys.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte[] key = keys[i];
            if (key == null) {
                T value = make.apply(new String(utf8, StandardCharsets.UTF_8));
                put(i, utf8.clone(), hash, value);
                return value;
            }
            if (hashes[i] == hash && Arrays.equals(key, utf8)) {
                return (T) values[i];
            }
        }
    }

    private void put(int slot, byte[] key, int hash, Object value) {
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            hashes = new int[keys.length];
            values = new Object[keys.length];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = oldHashes[j] & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    hashes[i] = oldHashes[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
