package io.xsell.core.propensity;

/** A product line asked for by name that the tenant's catalogue does not have. */
public final class UnknownLineException extends IllegalArgumentException {
    private final String line;

    public UnknownLineException(String line) {
        super("unknown product line '" + line + "'");
        this.line = line;
    }

    public String line() {
        return line;
    }
}
