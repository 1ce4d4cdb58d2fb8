package io.xsell.ingestion.stripe.sync;

import java.util.Objects;

/**
 * One {@code created} range of one list, read page by page on its own.
 *
 * @param createdFrom inclusive Unix time; null for no lower bound
 * @param createdTo   exclusive Unix time; null for no upper bound
 */
public record Slice(StripeList list, Long createdFrom, Long createdTo) {
    public Slice {
        Objects.requireNonNull(list, "list");
    }

    /** A stable name, used as the checkpoint's key. */
    public String key() {
        return list.name() + ":" + (createdFrom == null ? "" : createdFrom) + ":" + (createdTo == null ? "" : createdTo);
    }
}
