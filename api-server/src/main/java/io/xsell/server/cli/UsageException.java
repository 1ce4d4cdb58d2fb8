package io.xsell.server.cli;

/** A command-line argument that parses but makes no sense; the message names the argument. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
