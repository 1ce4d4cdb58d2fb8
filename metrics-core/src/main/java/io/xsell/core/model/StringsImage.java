package io.xsell.core.model;

/**
 * A column of strings as plain arrays: all characters one after the other, a byte each when every
 * character of the column fits in one ({@code latin1}, then {@code utf16} is null), else a char each
 * ({@code utf16}, then {@code latin1} is null), and each string's length. String {@code k} is the
 * {@code lengths[k]} characters after those of the strings before it.
 */
public record StringsImage(byte[] latin1, char[] utf16, int[] lengths) {
    /** The number of strings. */
    public int size() {
        return lengths.length;
    }

    /** Throws when exactly one of the character arrays is not given or the lengths do not add up to it. */
    void check(String column) {
        if ((latin1 == null) == (utf16 == null) || lengths == null) {
            throw new IllegalArgumentException(column + ": give the lengths and one of latin1 or utf16");
        }
        long total = 0;
        for (int length : lengths) {
            if (length < 0) {
                throw new IllegalArgumentException(column + ": a negative length " + length);
            }
            total += length;
        }
        int characters = latin1 != null ? latin1.length : utf16.length;
        if (total != characters) {
            throw new IllegalArgumentException(column + ": lengths add up to " + total + " characters, the "
                    + (latin1 != null ? "latin1" : "utf16") + " array holds " + characters);
        }
    }
}
