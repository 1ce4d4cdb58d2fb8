package io.xsell.server.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives built in memory from small CSV strings. */
final class Zips {
    private Zips() {
    }

    /** The files in map order, deflated, with a fixed timestamp. */
    static byte[] zip(Map<String, String> files) {
        return zip(new ArrayList<>(files.entrySet()), Instant.parse("2025-01-01T00:00:00Z"), Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * The same files zipped again the way another tool would: reverse entry order, other
     * timestamps, other compression level. Byte for byte a different archive, with the same content.
     */
    static byte[] rezipped(Map<String, String> files) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(files.entrySet());
        Collections.reverse(entries);
        return zip(entries, Instant.parse("2026-02-03T04:05:06Z"), Deflater.BEST_COMPRESSION);
    }

    private static byte[] zip(List<Map.Entry<String, String>> entries, Instant time, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(level);
            for (Map.Entry<String, String> entry : entries) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code hidden}'s local entries, without its central directory, in front of {@code visible}:
     * a reader of the central directory (ZipFile) sees only {@code visible}'s entries, a reader of
     * the local headers in order (ZipInputStream) sees {@code hidden}'s first.
     */
    static byte[] smuggled(byte[] hidden, byte[] visible) {
        int end = hidden.length - 22;
        if (hidden[end] != 'P' || hidden[end + 1] != 'K' || hidden[end + 2] != 5 || hidden[end + 3] != 6) {
            throw new IllegalArgumentException("expected an end-of-central-directory record without comment");
        }
        int centralDirectory = (hidden[end + 16] & 0xff) | (hidden[end + 17] & 0xff) << 8
                | (hidden[end + 18] & 0xff) << 16 | (hidden[end + 19] & 0xff) << 24;
        byte[] joined = new byte[centralDirectory + visible.length];
        System.arraycopy(hidden, 0, joined, 0, centralDirectory);
        System.arraycopy(visible, 0, joined, centralDirectory, visible.length);
        return joined;
    }

    /** A decompression bomb: one entry of {@code uncompressedBytes} zeros, a few kilobytes zipped. */
    static byte[] zeros(String entryName, int uncompressedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] block = new byte[1 << 16];
            for (int written = 0; written < uncompressedBytes; written += block.length) {
                zip.write(block, 0, Math.min(block.length, uncompressedBytes - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
