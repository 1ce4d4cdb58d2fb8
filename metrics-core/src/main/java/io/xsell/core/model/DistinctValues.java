package io.xsell.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values numbered in the order first seen, one number per distinct value. Distinct means not
 * {@code equals}: amounts 10 and 10.0 differ (their scale shows in every sum they enter), so the
 * value a number reads back is always equal, value and scale, to the one it was given. Rows of a
 * tenant mostly hold shared instances (the readers share repeated dates and amounts), so a small
 * table remembered by identity answers most lookups before the hash map, which would hash and
 * compare. Not thread-safe.
 */
public final class DistinctValues<T> {
    private static final int RECENT = 1 << 10;

    private final Map<T, Integer> numbers = new HashMap<>();
    private final List<T> values = new ArrayList<>();
    private final Object[] recentValues = new Object[RECENT];
    private final int[] recentNumbers = new int[RECENT];

    /** The number of {@code value} (never null), numbering it if it is new. */
    public int number(T value) {
        int slot = System.identityHashCode(value) & (RECENT - 1);
        if (recentValues[slot] == value) {
            return recentNumbers[slot];
        }
        Integer known = numbers.get(value);
        if (known == null) {
            known = values.size();
            numbers.put(value, known);
            values.add(value);
        }
        recentValues[slot] = value;
        recentNumbers[slot] = known;
        return known;
    }

    public int size() {
        return values.size();
    }

    /** The values in number order. */
    public List<T> values() {
        return values;
    }
}
