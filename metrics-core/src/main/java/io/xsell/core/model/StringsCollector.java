package io.xsell.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings appended one after the other, a byte per character until one does not fit in a byte,
 * from then on a char per character for all of them (what {@link StringsImage} holds). The
 * characters are held in pages, so that growing never copies what is held: a column of millions of
 * ids grown by copying allocates about three times its size in arrays large enough for the
 * collector to place each outside the young generation. One exact array is made at the end
 * ({@link #image}). Not thread-safe.
 */
final class StringsCollector {
    private static final int PAGE_BITS = 17; // 128 KB of bytes, 256 KB of chars: small for G1 at any heap size
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE - 1;
    private static final int MAX_CHARS = Integer.MAX_VALUE - 16;

    // the pages of one kind: latin1 until a character needs two bytes, then utf16 (and latin1 null)
    private byte[][] latin1 = {new byte[64]};
    private char[][] utf16;
    private final IntSequence lengths = new IntSequence();
    private int chars;

    void add(String s) {
        int length = s.length();
        if ((long) chars + length > MAX_CHARS) {
            throw new IllegalArgumentException("strings of more than " + MAX_CHARS
                    + " characters in all exceed one array");
        }
        if (latin1 != null && !appendLatin1(s)) {
            toUtf16();
        }
        if (latin1 == null) {
            for (int done = 0; done < length; ) {
                int at = (chars + done) & PAGE_MASK;
                int n = Math.min(length - done, PAGE - at);
                s.getChars(done, done + n, charPage((chars + done) >>> PAGE_BITS, at + n), at);
                done += n;
            }
        }
        lengths.add(length);
        chars += length;
    }

    // Copies s after the characters so far; false when a character needs two bytes (chars unchanged).
    private boolean appendLatin1(String s) {
        int length = s.length();
        for (int done = 0; done < length; ) {
            int at = (chars + done) & PAGE_MASK;
            int n = Math.min(length - done, PAGE - at);
            byte[] page = bytePage((chars + done) >>> PAGE_BITS, at + n);
            for (int k = 0; k < n; k++) {
                char c = s.charAt(done + k);
                if (c > 0xFF) {
                    return false;
                }
                page[at + k] = (byte) c;
            }
            done += n;
        }
        return true;
    }

    private byte[] bytePage(int index, int end) {
        if (index == latin1.length) {
            latin1 = Arrays.copyOf(latin1, 2 * index);
        }
        byte[] page = latin1[index];
        if (page == null) {
            page = latin1[index] = new byte[PAGE];
        } else if (page.length < end) {
            page = latin1[index] = Arrays.copyOf(page, Math.min(PAGE, Math.max(end, 4 * page.length)));
        }
        return page;
    }

    private char[] charPage(int index, int end) {
        if (index == utf16.length) {
            utf16 = Arrays.copyOf(utf16, 2 * index);
        }
        char[] page = utf16[index];
        if (page == null) {
            page = utf16[index] = new char[PAGE];
        } else if (page.length < end) {
            page = utf16[index] = Arrays.copyOf(page, Math.min(PAGE, Math.max(end, 4 * page.length)));
        }
        return page;
    }

    private void toUtf16() {
        utf16 = new char[latin1.length][];
        for (int index = 0; index < latin1.length && latin1[index] != null; index++) {
            byte[] bytes = latin1[index];
            char[] page = utf16[index] = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                page[i] = (char) (bytes[i] & 0xFF);
            }
        }
        latin1 = null;
    }

    /** The number of strings added. */
    int size() {
        return lengths.size();
    }

    /** The length of the {@code index}-th string. */
    int length(int index) {
        return lengths.get(index);
    }

    /** The string of {@code length} characters from character {@code offset} on. */
    String string(int offset, int length) {
        int at = offset & PAGE_MASK;
        int page = offset >>> PAGE_BITS;
        if (at + length <= PAGE) {
            return latin1 != null ? new String(latin1[page], at, length, StandardCharsets.ISO_8859_1)
                    : new String(utf16[page], at, length);
        }
        return latin1 != null ? new String(copyLatin1(offset, length), StandardCharsets.ISO_8859_1)
                : new String(copyUtf16(offset, length));
    }

    private byte[] copyLatin1(int offset, int length) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            int at = (offset + done) & PAGE_MASK;
            int n = Math.min(length - done, PAGE - at);
            System.arraycopy(latin1[(offset + done) >>> PAGE_BITS], at, out, done, n);
            done += n;
        }
        return out;
    }

    private char[] copyUtf16(int offset, int length) {
        char[] out = new char[length];
        for (int done = 0; done < length; ) {
            int at = (offset + done) & PAGE_MASK;
            int n = Math.min(length - done, PAGE - at);
            System.arraycopy(utf16[(offset + done) >>> PAGE_BITS], at, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * The strings collected; the collector is not used afterwards. Its pages are let go, so that
     * nothing keeps them from being freed at the next collection.
     */
    StringsImage image() {
        int[] exact = lengths.drain();
        StringsImage image = latin1 != null ? new StringsImage(copyLatin1(0, chars), null, exact)
                : new StringsImage(null, copyUtf16(0, chars), exact);
        release();
        return image;
    }

    /** As {@link #image}, straight into a column: the lengths narrowed from their blocks, not drained to ints. */
    PackedStrings packed() {
        byte[] bytes = latin1 != null ? copyLatin1(0, chars) : null;
        char[] chars16 = latin1 == null ? copyUtf16(0, chars) : null;
        release();
        return new PackedStrings(bytes, chars16, lengths.drainNarrow());
    }

    private void release() {
        latin1 = new byte[][] {new byte[0]};
        utf16 = null;
        chars = 0;
    }
}
