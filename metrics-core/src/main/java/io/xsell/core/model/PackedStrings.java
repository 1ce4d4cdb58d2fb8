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
        this.latin1 = latin1;
        this.utf16 = utf16;
        this.lengths = NarrowInts.of(lengths, lengths.length);
        this.blockStarts = new int[(lengths.length + BLOCK - 1) / BLOCK];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (i % BLOCK == 0) {
                blockStarts[i / BLOCK] = at;
            }
            at += lengths[i];
        }
    }

    public static PackedStrings of(List<String> strings) {
        long total = 0;
        for (String s : strings) {
            total += s.length();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("strings of " + total + " characters in all exceed one array");
        }
        int[] lengths = new int[strings.size()];
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            String s = strings.get(i);
            int length = s.length();
            if (!isLatin1(s, bytes, at)) {
                return utf16(strings, lengths, (int) total);
            }
            at += length;
            lengths[i] = length;
        }
        return new PackedStrings(bytes, null, lengths);
    }

    // Copies s into bytes at `at`, a byte per character; false if a character does not fit in one.
    private static boolean isLatin1(String s, byte[] bytes, int at) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c > 0xFF) {
                return false;
            }
            bytes[at + k] = (byte) c;
        }
        return true;
    }

    private static PackedStrings utf16(List<String> strings, int[] lengths, int total) {
        char[] chars = new char[total];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            String s = strings.get(i);
            s.getChars(0, s.length(), chars, at);
            at += s.length();
            lengths[i] = s.length();
        }
        return new PackedStrings(null, chars, lengths);
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
