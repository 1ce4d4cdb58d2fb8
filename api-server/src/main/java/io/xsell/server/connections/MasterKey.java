package io.xsell.server.connections;

/** The one master key that seals every provider's secrets. */
public final class MasterKey {
    private MasterKey() {
    }

    /**
     * @param configured the configured key (base64 of 32 bytes), or null to take {@code XSELL_MASTER_KEY}
     * @throws IllegalStateException naming both places when neither holds a key
     */
    public static SecretBox box(String configured) {
        String key = configured != null ? configured : System.getenv("XSELL_MASTER_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("no master key: set masterKey or the XSELL_MASTER_KEY environment "
                    + "variable (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        return SecretBox.of(key);
    }
}
