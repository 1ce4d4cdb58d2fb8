package io.xsell.server.names;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.port.in.ManageDisplayNamesUseCase;

/** Reads and replaces a tenant's mapping; a replacement makes this instance's cached answers stale at once. */
public class DisplayNamesMappingService implements ManageDisplayNamesUseCase {
    private final JdbiDisplayNamesStore store;
    private final ResponseCache cache;

    public DisplayNamesMappingService(JdbiDisplayNamesStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public DisplayNames mapping(TenantId tenant) {
        return store.loadDisplayNames(tenant);
    }

    @Override
    public DisplayNames replaceMapping(TenantId tenant, DisplayNames names) {
        if (!DisplayNames.problems(names.productLines(), names.segments()).isEmpty()) {
            throw new IllegalArgumentException("display names break their bounds; check DisplayNames.problems first");
        }
        if (!store.replace(tenant, names)) {
            throw new IllegalArgumentException("unknown tenant '" + tenant + "'");
        }
        cache.dataChanged(tenant);
        return store.loadDisplayNames(tenant);
    }
}
