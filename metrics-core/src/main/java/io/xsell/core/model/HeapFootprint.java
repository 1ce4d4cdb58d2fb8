package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The heap a tenant's data retains, added up object by object the way HotSpot lays them out on a
 * 64-bit JVM with compressed references (any heap under 32 GB): 12-byte headers, 4-byte references,
 * every object rounded up to 8 bytes. Objects reached more than once (the strings, dates and amounts
 * that rows share) are counted once: each is remembered by identity. Figures are for a byte-bounded
 * cache to weigh tenants by; {@code RetainedHeap} in the benchmark sources checks them against the
 * heap measured after a full collection.
 */
public final class HeapFootprint {
    public static final int HEADER = 12;
    public static final int REF = 4;
    public static final int ARRAY_HEADER = 16;

    private Object[] seen = new Object[1 << 16];
    private int size;
    private long bytes;

    /** Rounds up to the 8-byte object alignment. */
    public static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    public static long referenceArray(int length) {
        return align(ARRAY_HEADER + (long) REF * length);
    }

    public static long intArray(int length) {
        return align(ARRAY_HEADER + 4L * length);
    }

    public static long longArray(int length) {
        return align(ARRAY_HEADER + 8L * length);
    }

    public static long byteArray(int length) {
        return align(ARRAY_HEADER + (long) length);
    }

    /** An object of {@code fields} bytes of fields (references at {@link #REF} each). */
    public static long object(int fields) {
        return align(HEADER + fields);
    }

    public long bytes() {
        return bytes;
    }

    public HeapFootprint add(long shallow) {
        bytes += shallow;
        return this;
    }

    /** True the first time {@code o} is offered (null never is): its size is then the caller's to add. */
    public boolean first(Object o) {
        if (o == null) {
            return false;
        }
        int mask = seen.length - 1;
        int slot = mix(System.identityHashCode(o)) & mask;
        Object there;
        while ((there = seen[slot]) != null) {
            if (there == o) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        seen[slot] = o;
        if (++size * 2 > seen.length) {
            grow();
        }
        return true;
    }

    public HeapFootprint string(String s) {
        if (first(s)) {
            bytes += stringSize(s);
        }
        return this;
    }

    /** A string no other object refers to (a row's own id): counted without remembering it. */
    public HeapFootprint unique(String s) {
        if (s != null) {
            bytes += stringSize(s);
        }
        return this;
    }

    private static long stringSize(String s) {
        // String: hash, coder, hashIsZero, value; Latin-1 text takes a byte a character
        int length = s.length();
        boolean latin1 = true;
        for (int i = 0; i < length && latin1; i++) {
            latin1 = s.charAt(i) < 256;
        }
        return object(REF + 4 + 1 + 1) + byteArray(latin1 ? length : 2 * length);
    }

    public HeapFootprint date(LocalDate d) {
        if (first(d)) {
            bytes += object(4 + 2 + 2);
        }
        return this;
    }

    public HeapFootprint decimal(BigDecimal d) {
        if (first(d)) {
            // intVal, scale, precision, stringCache, intCompact; intVal only beyond a long's 63 bits
            bytes += object(REF + 4 + 4 + REF + 8);
            int bits = d.precision() < 19 ? 0 : d.unscaledValue().bitLength(); // 18 digits always fit a long
            if (bits > 63) {
                bytes += object(4 + REF + 4 * 4) + intArray((bits + 31) / 32);
            }
        }
        return this;
    }

    /** An immutable map of {@code Map.copyOf} (a flat key, value array), its keys and values. */
    public HeapFootprint map(Map<String, String> map) {
        if (first(map)) {
            bytes += map.size() <= 1 ? object(2 * REF) : object(REF + 4) + referenceArray(4 * map.size());
            map.forEach((k, v) -> string(k).string(v));
        }
        return this;
    }

    private static int mix(int h) {
        return h * 0x9E3779B9 >>> 1;
    }

    private void grow() {
        Object[] old = seen;
        seen = new Object[old.length * 2];
        int mask = seen.length - 1;
        for (Object o : old) {
            if (o != null) {
                int slot = mix(System.identityHashCode(o)) & mask;
                while (seen[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                seen[slot] = o;
            }
        }
    }
}
