package io.xsell.server.dataimport;

import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * An uploaded zip, spooled to a temporary file within a size limit, checked to be a zip, and
 * fingerprinted by its content: the SHA-256 of every entry's name and bytes, in name order, so
 * the same files zipped again (other timestamps, other order) give the same fingerprint. Reading
 * every entry once also enforces the uncompressed-size limit before the importer sees the file.
 */
public final class UploadedZip implements AutoCloseable {
    /** Far more than the eight canonical files plus folders; bounds the work a hostile archive can cause. */
    static final int MAX_ENTRIES = 100;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Path file;
    private final String fingerprint;

    private UploadedZip(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    public static UploadedZip receive(InputStream body, long maxBytes, long maxUncompressedBytes) throws IOException {
        Path file = Files.createTempFile("xsell-import-", ".zip");
        try {
            spool(body, file, maxBytes);
            requireZip(file);
            return new UploadedZip(file, fingerprint(file, maxUncompressedBytes));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void spool(InputStream body, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(Problem.of(413, "Content Too Large", "upload-too-large",
                            "the upload is larger than the limit of " + maxBytes + " bytes", null));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void requireZip(Path file) throws IOException {
        byte[] head = new byte[ZIP_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !java.util.Arrays.equals(head, ZIP_MAGIC)) {
            throw notAZip("the body is not a zip archive");
        }
    }

    private static ProblemException notAZip(String detail) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "not-a-zip",
                detail + "; send the canonical CSV files as a .zip with Content-Type: application/zip"));
    }

    /**
     * The importer streams the archive's local entries in order, as {@link ZipInputStream} does, so
     * the size limit and the fingerprint are taken from that same view. The central directory,
     * which {@link ZipFile} reads, must list the same entries: an archive whose two views differ
     * (local entries hidden in front of a normal zip, say) would otherwise pass the bomb check on
     * one view and be imported from the other.
     */
    private static String fingerprint(Path file, long maxUncompressedBytes) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        List<String> streamed = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                streamed.add(entry.getName());
                if (streamed.size() > MAX_ENTRIES) {
                    throw new ProblemException(Problem.of(413, "Content Too Large", "zip-too-many-entries",
                            "the zip has more than " + MAX_ENTRIES + " entries; an import needs at most 8 files", null));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                MessageDigest digest = sha256();
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxUncompressedBytes) {
                        throw new ProblemException(Problem.of(413, "Content Too Large", "zip-too-large",
                                "the zip expands to more than " + maxUncompressedBytes
                                        + " bytes; refusing it as a possible decompression bomb", null));
                    }
                    digest.update(buffer, 0, n);
                }
                digests.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: ZipInputStream's answer to an entry name that is not UTF-8
            throw notAZip("the zip archive is corrupt (" + e.getMessage() + ")");
        }
        requireCentralDirectoryListing(file, streamed);
        MessageDigest all = sha256();
        digests.forEach((name, digest) -> all.update((name + '\0' + digest + '\n').getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(all.digest());
    }

    private static void requireCentralDirectoryListing(Path file, List<String> streamed) throws IOException {
        List<String> listed = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            zip.stream().forEach(entry -> listed.add(entry.getName()));
        } catch (ZipException | IllegalArgumentException e) {
            throw notAZip("the zip archive is corrupt (" + e.getMessage() + ")");
        }
        List<String> local = new ArrayList<>(streamed);
        Collections.sort(listed);
        Collections.sort(local);
        if (!listed.equals(local)) {
            throw notAZip("the zip archive is inconsistent: its " + local.size() + " local entries are not the "
                    + listed.size() + " its central directory lists");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public Path file() {
        return file;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
