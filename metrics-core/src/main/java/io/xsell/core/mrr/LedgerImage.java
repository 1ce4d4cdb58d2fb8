package io.xsell.core.mrr;

/**
 * An {@link MrrLedger}'s priced columns as plain arrays, for keeping a ledger elsewhere (a snapshot)
 * and putting it back with {@link MrrLedger#restore(io.xsell.core.model.TenantDataset, LedgerImage)}
 * without a {@link PricedItem} or {@link PricedCharge} per row. {@link MrrLedger#image} makes one
 * (copies); an image given to {@code restore} is read, not kept.
 */
public record LedgerImage(PricedItemsImage items, PricedChargesImage charges) {
}
