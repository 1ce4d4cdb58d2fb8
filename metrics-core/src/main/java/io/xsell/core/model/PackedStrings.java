package io.xsell.core.model;

import java.util.List;

/**
 * Many strings in one array, each read back as an equal new {@code String}: a million ids cost
 * their characters and an offset each instead of two objects each (about 11 bytes instead of 48
 * for a 7-character id). Text whose every character fits in a byte (Latin-1, as ids nearly always
 * are) is kept a byte per character; any other text, a char per character, so that every string,
 * even one with an unpaired surrogate, comes back exactly.
 */
public final class PackedStrings {
    private final byte[] latin1;
    private final char[] utf16;
    private final int[] ends;

    private PackedStrings(byte[] latin1, char[] utf16, int[] ends) {
        this.latin1 = latin1;
        this.utf16 = utf16;
        this.ends = ends;
    }

    public static PackedStrings of(List<String> strings) {
        long total = 0;
        boolean narrow = true;
        for (String s : strings) {
            total += s.length();
            for (int i = 0; i < s.length() && narrow; i++) {
                narrow = s.charAt(i) < 256;
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("strings of " + total + " characters in all exceed one array");
        }
        int[] ends = new int[strings.size()];
        char[] chars = new char[(int) total];
        int at = 0;
        for (int i = 0; i < ends.length; i++) {
            String s = strings.get(i);
            s.getChars(0, s.length(), chars, at);
            at += s.length();
            ends[i] = at;
        }
        if (!narrow) {
            return new PackedStrings(null, chars, ends);
        }
        byte[] bytes = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) {
            bytes[i] = (byte) chars[i];
        }
        return new PackedStrings(bytes, null, ends);
    }

    public String get(int index) {
        int from = index == 0 ? 0 : ends[index - 1];
        int to = ends[index];
        if (latin1 != null) {
            return new String(latin1, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new String(utf16, from, to - from);
    }

    public int size() {
        return ends.length;
    }

    /** The heap this holds: the object, its characters and its offsets. */
    public long retainedBytes() {
        long text = latin1 != null ? HeapFootprint.byteArray(latin1.length) : HeapFootprint.byteArray(2 * utf16.length);
        return HeapFootprint.object(3 * HeapFootprint.REF) + text + HeapFootprint.intArray(ends.length);
    }
}
