package io.xsell.core.engagement;

import java.util.List;

/** A batch with bad rows: none of it was stored, and every problem found is listed. */
public class RejectedBatchException extends RuntimeException {
    private final List<RowError> errors;

    public RejectedBatchException(List<RowError> errors) {
        super(errors.size() + " bad row value(s); nothing was stored");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
