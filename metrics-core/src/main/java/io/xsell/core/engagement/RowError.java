package io.xsell.core.engagement;

/** One problem of one row of a batch: its position in the batch (from 0), the field, and what is wrong. */
public record RowError(int index, String field, String message) {
}
