package io.xsell.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code xsk_} and 43 random URL-safe characters (256 bits). Stored only as SHA-256
 * hashes: a key this random needs no salt or slow hash, and a fast hash keeps every request cheap.
 */
public final class ApiKeys {
    private static final String PREFIX = "xsk_";
    private static final int RANDOM_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        return PREFIX + randomToken();
    }

    /** A 256-bit random URL-safe secret (session ids, login and CSRF tokens). */
    public static String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The part of a key shown in listings, enough to tell keys apart and useless to an attacker. */
    public static String shownPrefix(String key) {
        return key.substring(0, Math.min(SHOWN_PREFIX_LENGTH, key.length()));
    }
}
