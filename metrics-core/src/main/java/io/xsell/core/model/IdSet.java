package io.xsell.core.model;

/**
 * A set of ids sized once for the rows it will hold, for the uniqueness and reference checks of
 * {@link TenantDataset#of}: open addressing in one array, so checking a million-row dataset
 * allocates no entry per id (a {@code HashSet} allocates one node each, which the collector then
 * copies while the check runs). Ids are compared with {@code equals}, as a {@code HashSet} does.
 */
final class IdSet {
    private String[] table;
    private int mask;
    private int size;

    IdSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1; // load factor at most 1/2
        table = new String[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code id}; false when an equal id was already there. */
    boolean add(String id) {
        int i = slot(id);
        for (String e; (e = table[i]) != null; i = (i + 1) & mask) {
            if (e == id || e.equals(id)) {
                return false;
            }
        }
        table[i] = id;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    boolean contains(String id) {
        for (int i = slot(id); ; i = (i + 1) & mask) {
            String e = table[i];
            if (e == null) {
                return false;
            }
            if (e == id || e.equals(id)) {
                return true;
            }
        }
    }

    private int slot(String id) {
        int h = id.hashCode() * 0x9E3779B9; // spreads ids that differ only in their last characters
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        mask = table.length - 1;
        for (String e : old) {
            if (e != null) {
                int i = slot(e);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = e;
            }
        }
    }
}
