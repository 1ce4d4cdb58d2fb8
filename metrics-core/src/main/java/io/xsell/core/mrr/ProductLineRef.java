package io.xsell.core.mrr;

import io.xsell.core.model.LineKind;

/** A product line as the ledger indexes it. */
public record ProductLineRef(int index, String name, LineKind kind) {
}
