package io.xsell.core.dataimport;

import io.xsell.core.model.TenantDataset;

/** How many records of each kind an import holds. */
public record ImportCounts(long customers, long products, long subscriptionItems, long oneTimeCharges, long fxRates) {

    public static ImportCounts of(TenantDataset dataset) {
        return new ImportCounts(dataset.customers().size(), dataset.products().size(), dataset.items().size(),
                dataset.charges().size(), dataset.rates().size());
    }
}
