package io.xsell.ingestion.csv;

import java.util.Arrays;

/**
 * Ids of one file and the line each was first seen on. An open-addressing table of int slots: with
 * millions of ids a {@code HashMap<String, Integer>} would spend a node and a boxed line per entry,
 * several times the memory of these slots. Lookups are bound by cache misses, so each slot keeps its
 * id's hash next to its line: probing compares ints in one array and loads an id only when the hash
 * matches.
 *
 * <p>The index of a file whose rows keep their ids elsewhere (customers, products) holds the id strings,
 * so that references can share them ({@link #find}). That of a file whose ids are only checked for
 * repeats ({@link #packed()}: the items, millions of them) copies each id's characters into one array
 * instead: a string per id held until the file ends would be millions of objects for the collector to
 * copy, and about three times the memory.
 */
final class IdLineIndex {
    private static final int INITIAL_BITS = 10;
    private static final int EMPTY = 0;
    /**
     * The most ids {@link #reserve} makes room for: an estimate from a file's first rows can be far off,
     * so it may cost at most a table of 2^22 slots (48 MB packed); past it the index grows as ids come.
     */
    static final int RESERVE_MAX = 3 << 20;

    private int bits = INITIAL_BITS;
    // the strings, or null when packed
    private String[] ids;
    // packed: each id as two bytes of length, then its characters, one after the other, in pages of PAGE
    // bytes (none large enough for G1 to place it outside the young generation; growing never copies
    // them); an id's place is its page times PAGE plus where it starts in it. Characters take a byte
    // each, or two (the length's top bit set) when the id holds one past U+00FF.
    private byte[][] text;
    private int pages;
    private int pageUsed;
    // Per slot, stride ints: the hash (EMPTY when the slot is free), the first line and, packed, where
    // the id starts in text; one array, so that a probe touches one cache line.
    private final int stride;
    private int[] slots;
    private int size;

    /** An index that keeps the id strings, for {@link #find}. */
    IdLineIndex() {
        ids = new String[1 << INITIAL_BITS];
        stride = 2;
        slots = new int[stride << INITIAL_BITS];
    }

    private static final int PAGE_BITS = 18;
    private static final int PAGE = 1 << PAGE_BITS; // more than the longest id's bytes
    private static final int WIDE = 0x8000; // in an id's length: its characters take two bytes each
    private static final int PAGE_MASK = PAGE - 1;
    private static final int MAX_PAGES = 1 << (31 - PAGE_BITS); // places stay positive ints

    private IdLineIndex(byte[] firstPage) {
        text = new byte[4][];
        text[0] = firstPage; // only the first page starts small
        pages = 1;
        stride = 3;
        slots = new int[stride << INITIAL_BITS];
    }

    /** An index that keeps the ids' characters only: {@link #find} is not available. */
    static IdLineIndex packed() {
        return new IdLineIndex(new byte[1 << 12]);
    }

    /**
     * Makes room for {@code ids} ids in all, at most {@link #RESERVE_MAX}, so that an index told how many
     * come does not grow (and copy its slots) a dozen times on the way; more may still be added.
     */
    void reserve(int ids) {
        int wanted = Math.min(ids, RESERVE_MAX);
        int newBits = bits;
        while (wanted * 4L > 3L << newBits) {
            newBits++;
        }
        if (newBits > bits) {
            rehash(newBits);
        }
    }

    /** Records the id on {@code line} (> 0) unless known; returns the line it was first seen on, or 0 if new. */
    int putIfAbsent(String id, int line) {
        return put(id, line, false);
    }

    /**
     * Records the id on {@code line} (> 0), or, when known, keeps the lower of its line and {@code line}:
     * for ids recorded out of file order. Returns the line it was known on before, or 0 if new.
     */
    int putLowest(String id, int line) {
        return put(id, line, true);
    }

    private int put(String id, int line, boolean lowest) {
        int hash = mix(id);
        int at = stride * slotOf(id, hash);
        if (slots[at] != EMPTY) {
            int known = slots[at + 1];
            if (lowest && line < known) {
                slots[at + 1] = line;
            }
            return known;
        }
        if (ids != null) {
            ids[at / stride] = id;
        } else {
            slots[at + 2] = pack(id);
        }
        slots[at] = hash;
        slots[at + 1] = line;
        // at most three quarters full: a new id (nearly every one) probes until a free slot, about 8.5
        // slots at 75 % against 2.5 at half full, but five slots share a cache line, so the probes past
        // the first seldom miss it; half full would double the table (2.9M item ids: 100 MB against 50)
        if (++size * 4L > 3L * (slots.length / stride)) {
            grow();
        }
        return 0;
    }

    /** The line {@code id} was first seen on, or 0 if it was not. */
    int lineOf(String id) {
        int at = stride * slotOf(id, mix(id));
        return slots[at] == EMPTY ? 0 : slots[at + 1];
    }

    boolean contains(String id) {
        int hash = mix(id);
        return slots[stride * slotOf(id, hash)] != EMPTY;
    }

    /** The instance stored for an equal id, or null; references keep it so that they share its string. */
    String find(String id) {
        return strings()[slotOf(id, mix(id))];
    }

    /** As {@link #find(String)}, for the text of a cell: no string is made of it. */
    String find(CellRange id) {
        return strings()[slotOf(id, mix(id.stringHash()))];
    }

    int size() {
        return size;
    }

    /** The slots: ids the index holds before it grows, over three quarters of it. */
    int capacity() {
        return 1 << bits;
    }

    /**
     * Lets go of the arrays: the index is not used afterwards. Dropping the index alone would leave
     * them referenced from it, and G1 frees a large array at once only when nothing, not even a dead
     * object already moved to the old generation, still points at it.
     */
    void release() {
        ids = null;
        text = null;
        slots = new int[0];
        size = 0;
    }

    private String[] strings() {
        if (ids == null) {
            throw new IllegalStateException("a packed index keeps no id strings");
        }
        return ids;
    }

    // a String compares with String.equals, a cell's text character by character: one probe for both
    private int slotOf(CharSequence id, int hash) {
        int mask = (1 << bits) - 1;
        int slot = hash >>> (32 - bits);
        int stored;
        while ((stored = slots[stride * slot]) != EMPTY && (stored != hash || !holds(slot, id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean holds(int slot, CharSequence id) {
        if (ids != null) {
            return ids[slot].contentEquals(id);
        }
        int place = slots[stride * slot + 2];
        byte[] page = text[place >>> PAGE_BITS];
        int at = (place & PAGE_MASK) + 2;
        int header = (page[at - 2] & 0xFF) << 8 | page[at - 1] & 0xFF;
        int length = header & ~WIDE;
        if (length != id.length()) {
            return false;
        }
        if (header == length) {
            for (int i = 0; i < length; i++) {
                if ((page[at + i] & 0xFF) != id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length; i++) {
            if ((char) ((page[at + 2 * i] & 0xFF) << 8 | page[at + 2 * i + 1] & 0xFF) != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // an id is a cell, at most BoundedCsvReader.CELL_MAX characters: its length fits in 15 bits
    private int pack(String id) {
        int length = id.length();
        if (length >= WIDE) {
            throw new IllegalArgumentException("an id of " + length + " characters is longer than a cell");
        }
        boolean wide = false;
        for (int i = 0; i < length && !wide; i++) {
            wide = id.charAt(i) > 0xFF;
        }
        int needed = 2 + (wide ? 2 * length : length);
        byte[] page = text[pages - 1];
        if (pageUsed + needed > page.length) {
            if (pages == 1 && page.length < PAGE && pageUsed + needed <= PAGE) {
                page = Arrays.copyOf(page, PAGE);
            } else {
                if (pages == MAX_PAGES) {
                    throw new IllegalStateException("ids of more than " + (long) pages * PAGE + " bytes in all");
                }
                if (pages == text.length) {
                    text = Arrays.copyOf(text, 2 * pages);
                }
                page = new byte[PAGE];
                pages++;
                pageUsed = 0;
            }
            text[pages - 1] = page;
        }
        int at = pageUsed;
        int header = wide ? length | WIDE : length;
        page[at] = (byte) (header >>> 8);
        page[at + 1] = (byte) header;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (wide) {
                page[at + 2 + 2 * i] = (byte) (c >>> 8);
                page[at + 3 + 2 * i] = (byte) c;
            } else {
                page[at + 2 + i] = (byte) c;
            }
        }
        pageUsed = at + needed;
        return (pages - 1) << PAGE_BITS | at;
    }

    // Fibonacci hashing, the slot taken from the top bits: generated ids ("c000001", "c000002", ...) have
    // neighbouring hash codes, which linear probing needs scattered. Never EMPTY.
    private static int mix(String id) {
        return mix(id.hashCode());
    }

    /** The hash {@link IdLineIndex} places the id by, for a caller that splits ids between indexes (never 0). */
    static int hashOf(String id) {
        return mix(id);
    }

    private static int mix(int hashCode) {
        int mixed = hashCode * 0x9E3779B9;
        return mixed == EMPTY ? 1 : mixed;
    }

    private void grow() {
        rehash(bits + 1);
    }

    private void rehash(int newBits) {
        String[] oldIds = ids;
        int[] oldSlots = slots;
        bits = newBits;
        if (oldIds != null) {
            ids = new String[1 << bits];
        }
        slots = new int[stride << bits];
        int mask = (1 << bits) - 1;
        for (int old = 0; old < oldSlots.length; old += stride) {
            int hash = oldSlots[old];
            if (hash != EMPTY) {
                int slot = hash >>> (32 - bits);
                while (slots[stride * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                if (oldIds != null) {
                    ids[slot] = oldIds[old / stride];
                }
                System.arraycopy(oldSlots, old, slots, stride * slot, stride);
            }
        }
    }
}
