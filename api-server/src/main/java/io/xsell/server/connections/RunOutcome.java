package io.xsell.server.connections;

import io.xsell.core.model.InvalidDatasetException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one sync run of any provider is going: it succeeds unless told otherwise, and collects the
 * reasons a user reads in the run's {@code errors} (mapping problems one per line, the provider's
 * refusal, an interruption the next sync resumes from).
 */
public final class RunOutcome {
    private final List<String> errors = new ArrayList<>();
    private boolean failed;

    /** A provider call that failed for good, or data that cannot be mapped. */
    public void failed(RuntimeException e) {
        failed = true;
        if (e instanceof InvalidDatasetException invalid) {
            invalid.problems().forEach(p -> errors.add("mapping: " + p));
        } else {
            errors.add(String.valueOf(e.getMessage()));
        }
    }

    /** The run's thread was interrupted (a shutdown); the flag is restored for the caller. */
    public void interrupted() {
        Thread.currentThread().interrupt();
        failed = true;
        errors.add("interrupted; the next sync resumes from the checkpoints");
    }

    /** A failure nobody foresaw; the caller logs it with its stack. */
    public void unexpected(RuntimeException e) {
        failed = true;
        errors.add("unexpected error: " + e);
    }

    public boolean succeeded() {
        return !failed;
    }

    public String state() {
        return failed ? "failed" : "succeeded";
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }
}
