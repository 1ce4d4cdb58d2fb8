package io.xsell.server.connections;

import io.xsell.core.model.TenantDataset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A connection's mapped data in one hash: an import identical to the last one changes nothing. */
public final class DatasetFingerprint {
    private DatasetFingerprint() {
    }

    public static String of(TenantDataset dataset) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, dataset.customers());
            update(digest, dataset.products());
            update(digest, dataset.items());
            update(digest, dataset.charges());
            update(digest, dataset.rates());
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, List<?> records) {
        for (Object record : records) {
            digest.update(record.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
    }
}
