package io.xsell.server.persistence.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The primitive encodings of a snapshot: variable-length integers, epoch days, strings and exact
 * decimals. Values that repeat (currencies, product ids, amounts, attribute values) go through
 * a dictionary built as they are written: the first occurrence is written in full and numbered,
 * later ones as that number. {@link SnapshotInput} mirrors every method.
 */
final class SnapshotOutput {
    /** Entries per dictionary; past it new values are written in full each time (ids never repeat). */
    static final int DICTIONARY_MAX = 1 << 16;
    static final int NULL = 0;
    static final int NEW = 1;
    /** Dictionary entry {@code k} is written as {@code k + KNOWN}. */
    static final int KNOWN = 2;
    /** Columns written with {@link #run}: an item's subscription id. */
    static final int RUN_COLUMNS = 1;

    private final OutputStream out;
    // our own buffer: a buffered stream's per-byte write is synchronized, and a snapshot is ~10^8 bytes
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<BigDecimal, Integer> decimals = new HashMap<>(); // equals() tells 1.0 from 1.00: exact
    private final String[] previousRuns = new String[RUN_COLUMNS];

    SnapshotOutput(OutputStream out) {
        this.out = out;
    }

    /** Hands what is buffered to the stream; call once at the end. */
    void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    void writeByte(int b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = (byte) b;
    }

    void writeInt(int v) throws IOException {
        writeByte(v >>> 24);
        writeByte(v >>> 16);
        writeByte(v >>> 8);
        writeByte(v);
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            out.write(buffer, 0, position);
            position = 0;
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    void unsigned(long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    void signed(long value) throws IOException {
        unsigned((value << 1) ^ (value >> 63));
    }

    void flag(boolean value) throws IOException {
        writeByte(value ? 1 : 0);
    }

    /** A day as its epoch day; null allowed. */
    void day(LocalDate day) throws IOException {
        if (day == null) {
            unsigned(NULL);
        } else {
            unsigned(NEW);
            signed(day.toEpochDay());
        }
    }

    /** A string written in full (ids, names): null allowed. */
    void text(String value) throws IOException {
        if (value == null) {
            unsigned(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        unsigned(bytes.length + 1L);
        write(bytes);
    }

    /**
     * A string that usually equals the one written just before in the same column (a customer's
     * items and charges follow each other, so do a subscription's items): 0 for the same again.
     */
    void run(int column, String value) throws IOException {
        if (value != null && value.equals(previousRuns[column])) {
            unsigned(0);
        } else {
            unsigned(1);
            text(value);
            previousRuns[column] = value;
        }
    }

    /** A string from a small set (currencies, product ids, codes, attribute values): null allowed. */
    void shared(String value) throws IOException {
        if (value == null) {
            unsigned(NULL);
        } else if (!reference(strings, value)) {
            text(value);
        }
    }

    /** An exact decimal, scale included; null allowed. */
    void decimal(BigDecimal value) throws IOException {
        if (value == null) {
            unsigned(NULL);
        } else if (!reference(decimals, value)) {
            signed(value.scale());
            byte[] unscaled = value.unscaledValue().toByteArray();
            unsigned(unscaled.length);
            write(unscaled);
        }
    }

    /**
     * Writes the value's number when the dictionary knows it and returns true; otherwise writes
     * {@link #NEW}, numbers the value while there is room, and returns false: the caller writes it.
     */
    private <T> boolean reference(Map<T, Integer> dictionary, T value) throws IOException {
        Integer known = dictionary.get(value);
        if (known != null) {
            unsigned(known + (long) KNOWN);
            return true;
        }
        unsigned(NEW);
        if (dictionary.size() < DICTIONARY_MAX) {
            dictionary.put(value, dictionary.size());
        }
        return false;
    }
}
