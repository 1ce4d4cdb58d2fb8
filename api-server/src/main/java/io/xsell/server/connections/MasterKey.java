package io.xsell.server.connections;

import java.util.function.Supplier;

/** The one master key that seals every provider's secrets. */
public final class MasterKey {
    private MasterKey() {
    }

    /**
     * @param configured the configured key (base64 of 32 bytes), or null to take {@code XSELL_MASTER_KEY};
     *                   a blank one is no key, and the environment is not read
     * @throws MissingException naming both places when neither holds a key
     */
    public static SecretBox box(String configured) {
        String key = configured != null ? configured : System.getenv("XSELL_MASTER_KEY");
        if (key == null || key.isBlank()) {
            throw new MissingException();
        }
        return SecretBox.of(key);
    }

    /**
     * The box, opened when a secret is first sealed or opened, so that a server without a key still
     * starts and answers everything that needs none; a missing key is asked for again next time.
     */
    public static Supplier<SecretBox> lazy(String configured) {
        return new Supplier<>() {
            private volatile SecretBox box;

            @Override
            public SecretBox get() {
                SecretBox current = box;
                if (current == null) {
                    current = box(configured);
                    box = current;
                }
                return current;
            }
        };
    }

    /** Thrown when a secret must be sealed or opened and no master key is configured. */
    public static final class MissingException extends IllegalStateException {
        MissingException() {
            super("no master key: set masterKey or the XSELL_MASTER_KEY environment variable "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
    }
}
