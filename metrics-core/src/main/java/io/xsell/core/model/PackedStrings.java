package io.xsell.core.model;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Many strings in one array, each read back as an equal new {@code String}: a million ids cost
 * their characters and a length each instead of two objects each (about 9 bytes instead of 48 for
 * a 7-character id). Where a string starts is kept for every {@value #BLOCK}th string only; the
 * others add up the lengths before them in their block. Text whose every character fits in a byte
 * (Latin-1, as ids nearly always are) is kept a byte per character; any other text, a char per
 * character, so that every string, even one with an unpaired surrogate, comes back exactly.
 */
public final class PackedStrings {
    private static final int BLOCK = 16;

    private final byte[] latin1;
    private final char[] utf16;
    private final int[] blockStarts;
    private final NarrowInts lengths;

    private PackedStrings(byte[] latin1, char[] utf16, int[] lengths) {
        this(latin1, utf16, NarrowInts.of(lengths, lengths.length));
    }

    /** The strings of {@code lengths} characters each, one after the other in the one array given. */
    PackedStrings(byte[] latin1, char[] utf16, NarrowInts lengths) {
        this.latin1 = latin1;
        this.utf16 = utf16;
        this.lengths = lengths;
        int size = lengths.size();
        this.blockStarts = new int[(size + BLOCK - 1) / BLOCK];
        int[] block = new int[BLOCK];
        int at = 0;
        for (int from = 0; from < size; from += BLOCK) {
            int to = Math.min(size, from + BLOCK);
            lengths.copyTo(from, to, block);
            blockStarts[from / BLOCK] = at;
            for (int i = 0; i < to - from; i++) {
                at += block[i];
            }
        }
    }

    public static PackedStrings of(List<String> strings) {
        StringsCollector collector = new StringsCollector();
        strings.forEach(collector::add);
        StringsImage image = collector.image();
        return new PackedStrings(image.latin1(), image.utf16(), image.lengths());
    }

    /** The strings as arrays: copies. */
    public StringsImage image() {
        return new StringsImage(latin1 == null ? null : latin1.clone(), utf16 == null ? null : utf16.clone(),
                lengths.toArray());
    }

    /** The strings of {@code image}, whose character array is kept as it is; {@code column} names it in errors. */
    public static PackedStrings of(StringsImage image, String column) {
        image.check(column);
        return new PackedStrings(image.latin1(), image.utf16(), image.lengths());
    }

    public String get(int index) {
        int from = blockStarts[index / BLOCK];
        for (int i = index - index % BLOCK; i < index; i++) {
            from += lengths.get(i);
        }
        int length = lengths.get(index);
        if (latin1 != null) {
            return new String(latin1, from, length, StandardCharsets.ISO_8859_1);
        }
        return new String(utf16, from, length);
    }

    public int size() {
        return lengths.size();
    }

    /** The heap this holds: the object, its characters and its offsets. */
    public long retainedBytes() {
        long text = latin1 != null ? HeapFootprint.byteArray(latin1.length) : HeapFootprint.byteArray(2 * utf16.length);
        return HeapFootprint.object(4 * HeapFootprint.REF) + text + HeapFootprint.intArray(blockStarts.length)
                + lengths.retainedBytes();
    }
}
