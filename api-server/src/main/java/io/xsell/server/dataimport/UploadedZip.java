package io.xsell.server.dataimport;

import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded zip, spooled to a temporary file within a size limit, checked to be a zip, and
 * fingerprinted by its content: the SHA-256 of every entry's name and bytes, in name order, so
 * the same files zipped again (other timestamps, other order) give the same fingerprint. Reading
 * every entry once also enforces the uncompressed-size limit before the importer sees the file.
 */
public final class UploadedZip implements AutoCloseable {
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

    private static String fingerprint(Path file, long maxUncompressedBytes) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxUncompressedBytes) {
                            throw new ProblemException(Problem.of(413, "Content Too Large", "zip-too-large",
                                    "the zip expands to more than " + maxUncompressedBytes
                                            + " bytes; refusing it as a possible decompression bomb", null));
                        }
                    }
                }
                digests.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
            }
        } catch (ZipException e) {
            throw notAZip("the zip archive is corrupt (" + e.getMessage() + ")");
        }
        MessageDigest all = sha256();
        digests.forEach((name, digest) -> all.update((name + '\0' + digest + '\n').getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(all.digest());
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
