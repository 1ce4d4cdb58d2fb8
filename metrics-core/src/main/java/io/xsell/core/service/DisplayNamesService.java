package io.xsell.core.service;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.DisplayNamesUseCase;
import io.xsell.core.port.out.LoadDisplayNamesPort;
import io.xsell.core.port.out.LoadTenantDataPort;
import java.util.Objects;

/** The tenant's mapping wins over the names its products carry (products.csv {@code product_line_name}). */
public final class DisplayNamesService implements DisplayNamesUseCase {
    private final LoadTenantDataPort data;
    private final LoadDisplayNamesPort mapping;

    public DisplayNamesService(LoadTenantDataPort data, LoadDisplayNamesPort mapping) {
        this.data = Objects.requireNonNull(data);
        this.mapping = Objects.requireNonNull(mapping);
    }

    @Override
    public DisplayNames displayNames(TenantId tenant) {
        return mapping.loadDisplayNames(tenant).over(DisplayNames.ofProducts(data.loadTenantData(tenant).products()));
    }
}
