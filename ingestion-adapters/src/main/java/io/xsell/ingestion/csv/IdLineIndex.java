package io.xsell.ingestion.csv;

/**
 * Ids of one file and the line each was first seen on. An open-addressing table of parallel arrays:
 * with millions of ids a {@code HashMap<String, Integer>} would spend a node and a boxed line per entry,
 * several times the memory of these array slots. Lookups are bound by cache misses, so each slot keeps
 * its id's hash next to its line: probing compares ints in one array and loads an id string only when
 * the hash matches.
 */
final class IdLineIndex {
    private static final int INITIAL_BITS = 10;
    private static final int EMPTY = 0;

    private int bits = INITIAL_BITS;
    private String[] ids = new String[1 << INITIAL_BITS];
    // Per slot: hash at 2 * slot (EMPTY when the slot is free), first line at 2 * slot + 1.
    private int[] hashAndLine = new int[2 << INITIAL_BITS];
    private int size;

    /** Records the id on {@code line} (> 0) unless known; returns the line it was first seen on, or 0 if new. */
    int putIfAbsent(String id, int line) {
        int hash = mix(id);
        int slot = slotOf(id, hash);
        if (hashAndLine[2 * slot] != EMPTY) {
            return hashAndLine[2 * slot + 1];
        }
        ids[slot] = id;
        hashAndLine[2 * slot] = hash;
        hashAndLine[2 * slot + 1] = line;
        // at most half full: a new id (nearly every one) probes until a free slot, about 2.5 slots at
        // half full against 6 at 70 %, and each probe past the first is a likely cache miss
        if (++size * 2L > ids.length) {
            grow();
        }
        return 0;
    }

    boolean contains(String id) {
        int hash = mix(id);
        return hashAndLine[2 * slotOf(id, hash)] != EMPTY;
    }

    /** The instance stored for an equal id, or null; references keep it so that they share its string. */
    String find(String id) {
        return ids[slotOf(id, mix(id))];
    }

    /** As {@link #find(String)}, for the text of a cell: no string is made of it. */
    String find(CellRange id) {
        return ids[slotOf(id, mix(id.stringHash()))];
    }

    int size() {
        return size;
    }

    // a String compares with String.equals, a cell's text character by character: one probe for both
    private int slotOf(CharSequence id, int hash) {
        int mask = ids.length - 1;
        int slot = hash >>> (32 - bits);
        int stored;
        while ((stored = hashAndLine[2 * slot]) != EMPTY && (stored != hash || !ids[slot].contentEquals(id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    // Fibonacci hashing, the slot taken from the top bits: generated ids ("c000001", "c000002", ...) have
    // neighbouring hash codes, which linear probing needs scattered. Never EMPTY.
    private static int mix(String id) {
        return mix(id.hashCode());
    }

    private static int mix(int hashCode) {
        int mixed = hashCode * 0x9E3779B9;
        return mixed == EMPTY ? 1 : mixed;
    }

    private void grow() {
        String[] oldIds = ids;
        int[] oldHashAndLine = hashAndLine;
        bits++;
        ids = new String[1 << bits];
        hashAndLine = new int[2 << bits];
        int mask = ids.length - 1;
        for (int old = 0; old < oldIds.length; old++) {
            int hash = oldHashAndLine[2 * old];
            if (hash != EMPTY) {
                int slot = hash >>> (32 - bits);
                while (hashAndLine[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                ids[slot] = oldIds[old];
                hashAndLine[2 * slot] = hash;
                hashAndLine[2 * slot + 1] = oldHashAndLine[2 * old + 1];
            }
        }
    }
}
