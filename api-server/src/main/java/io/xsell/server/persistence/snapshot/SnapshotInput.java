package io.xsell.server.persistence.snapshot;

import static io.xsell.server.persistence.snapshot.SnapshotOutput.DICTIONARY_MAX;
import static io.xsell.server.persistence.snapshot.SnapshotOutput.KNOWN;
import static io.xsell.server.persistence.snapshot.SnapshotOutput.NEW;
import static io.xsell.server.persistence.snapshot.SnapshotOutput.NULL;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link SnapshotOutput} wrote. Every length and dictionary number is checked, so a
 * damaged body that slipped past the checksum ends in a {@link CorruptSnapshotException}, not in
 * a huge allocation or a wrong value. Values read twice come back as one shared instance.
 */
final class SnapshotInput {
    /** No string the model accepts is longer; a larger length means a damaged body. */
    private static final int TEXT_MAX_BYTES = 1 << 16;
    private static final int UNSCALED_MAX_BYTES = 64;

    /** Days from 1970 to 2149 are looked up in an array; others (rare) in a map. */
    private static final int DAY_CACHE = 1 << 16;

    private final InputStream in;
    // our own buffer: a buffered stream's per-byte read is synchronized, and a snapshot is ~10^8 bytes
    private final byte[] buffer;
    private int position;
    private int limit;
    private final List<String> strings = new ArrayList<>();
    private final List<BigDecimal> decimals = new ArrayList<>();
    private final LocalDate[] recentDays = new LocalDate[DAY_CACHE];
    private final Map<Long, LocalDate> otherDays = new HashMap<>();
    private final String[] previousRuns = new String[SnapshotOutput.RUN_COLUMNS];

    SnapshotInput(InputStream in) {
        this.in = in;
        this.buffer = new byte[1 << 16];
    }

    /** Reads {@code bytes} themselves, with no stream behind them: {@link #remaining} is then what is left. */
    SnapshotInput(byte[] bytes) {
        this.in = InputStream.nullInputStream();
        this.buffer = bytes;
        this.limit = bytes.length;
    }

    /** Bytes not read yet of what is buffered: of everything, when reading a byte array. */
    int remaining() {
        return limit - position;
    }

    int readUnsignedByte() throws IOException {
        if (position == limit) {
            fill();
        }
        return buffer[position++] & 0xFF;
    }

    int readInt() throws IOException {
        return readUnsignedByte() << 24 | readUnsignedByte() << 16 | readUnsignedByte() << 8 | readUnsignedByte();
    }

    /** True when nothing follows (which also makes the inflater check the stream's own checksum). */
    boolean atEnd() throws IOException {
        if (position < limit) {
            return false;
        }
        int n = in.read(buffer);
        if (n <= 0) {
            return true;
        }
        position = 0;
        limit = n;
        return false;
    }

    private void fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            throw new EOFException("the snapshot ends early");
        }
        position = 0;
        limit = n;
    }

    void readFully(byte[] target) throws IOException {
        int done = 0;
        while (done < target.length) {
            if (position == limit) {
                fill();
            }
            int n = Math.min(target.length - done, limit - position);
            System.arraycopy(buffer, position, target, done, n);
            position += n;
            done += n;
        }
    }

    long unsigned() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new CorruptSnapshotException("a variable-length integer runs past 64 bits");
    }

    long signed() throws IOException {
        long v = unsigned();
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Fills {@code values} with counts below {@code bound}, each read and checked as {@link #count}
     * does; a one-byte value (nearly all of a column's codes) is taken straight from the buffer, so a
     * column of millions is one loop that compiles early instead of a call per byte.
     */
    void counts(int[] values, long bound) throws IOException {
        byte[] bytes = buffer;
        int at = position;
        int end = limit;
        for (int k = 0; k < values.length; k++) {
            int b;
            if (at < end && (b = bytes[at]) >= 0) {
                if (b >= bound) {
                    position = at;
                    throw new CorruptSnapshotException("count " + b + " is not below " + bound);
                }
                values[k] = b;
                at++;
            } else {
                position = at;
                values[k] = count(bound);
                at = position;
            }
        }
        position = at;
    }

    /**
     * Fills {@code values} with running sums of zig-zag differences (the first from 0), each sum
     * checked to fit an int; one-byte differences are taken straight from the buffer, as in {@link #counts}.
     */
    void deltas(int[] values) throws IOException {
        byte[] bytes = buffer;
        int at = position;
        int end = limit;
        long previous = 0;
        for (int k = 0; k < values.length; k++) {
            int b;
            long difference;
            if (at < end && (b = bytes[at]) >= 0) {
                difference = (b >>> 1) ^ -(b & 1);
                at++;
            } else {
                position = at;
                difference = signed();
                at = position;
            }
            long value = previous + difference;
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                position = at;
                throw new CorruptSnapshotException("value " + value + " does not fit an int");
            }
            values[k] = (int) value;
            previous = value;
        }
        position = at;
    }

    /** A non-negative count or index below {@code limit}. */
    int count(long limit) throws IOException {
        long v = unsigned();
        if (v >= limit) {
            throw new CorruptSnapshotException("count " + v + " is not below " + limit);
        }
        return (int) v;
    }

    int signedInt() throws IOException {
        long v = signed();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CorruptSnapshotException("value " + v + " does not fit an int");
        }
        return (int) v;
    }

    boolean flag() throws IOException {
        int b = readUnsignedByte();
        if (b > 1) {
            throw new CorruptSnapshotException("flag byte " + b);
        }
        return b == 1;
    }

    LocalDate day() throws IOException {
        long tag = unsigned();
        if (tag == NULL) {
            return null;
        }
        expectNew(tag);
        long epochDay = signed();
        if (epochDay >= 0 && epochDay < DAY_CACHE) {
            LocalDate known = recentDays[(int) epochDay];
            if (known == null) {
                known = LocalDate.ofEpochDay(epochDay);
                recentDays[(int) epochDay] = known;
            }
            return known;
        }
        LocalDate known = otherDays.get(epochDay);
        if (known == null) {
            try {
                known = LocalDate.ofEpochDay(epochDay);
            } catch (java.time.DateTimeException e) {
                throw new CorruptSnapshotException("epoch day " + epochDay + " is no date");
            }
            otherDays.put(epochDay, known);
        }
        return known;
    }

    String text() throws IOException {
        long length = unsigned();
        if (length == NULL) {
            return null;
        }
        if (length - 1 > TEXT_MAX_BYTES) {
            throw new CorruptSnapshotException("string of " + (length - 1) + " bytes");
        }
        int size = (int) (length - 1);
        if (size <= limit - position) { // nearly always: decoded straight from the buffer, no copy of its own
            String text = new String(buffer, position, size, StandardCharsets.UTF_8);
            position += size;
            return text;
        }
        byte[] bytes = new byte[size];
        readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    String run(int column) throws IOException {
        long tag = unsigned();
        if (tag == 0) {
            if (previousRuns[column] == null) {
                throw new CorruptSnapshotException("a repeated string with nothing before it");
            }
            return previousRuns[column];
        }
        if (tag != 1) {
            throw new CorruptSnapshotException("run tag " + tag);
        }
        previousRuns[column] = text();
        return previousRuns[column];
    }

    String shared() throws IOException {
        return fromDictionary(strings, this::text);
    }

    BigDecimal decimal() throws IOException {
        return fromDictionary(decimals, () -> {
            int scale = signedInt();
            int length = count(UNSCALED_MAX_BYTES + 1);
            if (length == 0) {
                throw new CorruptSnapshotException("a decimal without digits");
            }
            byte[] unscaled = new byte[length];
            readFully(unscaled);
            return new BigDecimal(new BigInteger(unscaled), scale);
        });
    }

    /** Mirrors {@code SnapshotOutput.reference}: null, a numbered entry, or a new value (numbered if room). */
    private <T> T fromDictionary(List<T> dictionary, Reader<T> newValue) throws IOException {
        long tag = unsigned();
        if (tag == NULL) {
            return null;
        }
        if (tag >= KNOWN) {
            return known(dictionary, tag);
        }
        T value = newValue.read();
        if (value == null) {
            throw new CorruptSnapshotException("a new dictionary value that is null");
        }
        if (dictionary.size() < DICTIONARY_MAX) {
            dictionary.add(value);
        }
        return value;
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T known(List<T> dictionary, long tag) {
        long index = tag - KNOWN;
        if (index >= dictionary.size()) {
            throw new CorruptSnapshotException("dictionary entry " + index + " of " + dictionary.size());
        }
        return dictionary.get((int) index);
    }

    private static void expectNew(long tag) {
        if (tag != NEW) {
            throw new CorruptSnapshotException("value tag " + tag);
        }
    }
}
