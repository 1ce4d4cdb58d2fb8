package io.xsell.server.port.in;

/** A tenant already holds as many of something as it may; nothing was created. */
public class LimitReachedException extends RuntimeException {
    public LimitReachedException(String message) {
        super(message);
    }
}
