package io.xsell.server.names;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.out.LoadDisplayNamesPort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Each tenant's display-name mapping in {@code display_names}, replaced whole. */
public class JdbiDisplayNamesStore implements LoadDisplayNamesPort {
    private static final String LINE = "product_line";
    private static final String SEGMENT = "segment";
    private final Jdbi jdbi;

    public JdbiDisplayNamesStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public DisplayNames loadDisplayNames(TenantId tenant) {
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, Map<String, String>> segments = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT kind, attribute, value_id, name FROM display_names "
                        + "WHERE tenant_id = ? ORDER BY kind, attribute, value_id")
                .bind(0, tenant.value())
                .map((rs, ctx) -> {
                    if (LINE.equals(rs.getString(1))) {
                        lines.put(rs.getString(3), rs.getString(4));
                    } else {
                        segments.computeIfAbsent(rs.getString(2), a -> new LinkedHashMap<>())
                                .put(rs.getString(3), rs.getString(4));
                    }
                    return 0;
                })
                .list());
        return lines.isEmpty() && segments.isEmpty() ? DisplayNames.empty() : new DisplayNames(lines, segments);
    }

    /**
     * Replaces the mapping and raises the tenant's data version in one transaction, so every
     * cached answer (keyed on that version) is computed again with the new names.
     *
     * @return false when there is no such tenant
     */
    public boolean replace(TenantId tenant, DisplayNames names) {
        return jdbi.inTransaction(h -> {
            // the write first takes SQLite's write lock at once (see JdbiTenantDataStore)
            int updated = h.createUpdate("UPDATE tenants SET data_version = data_version + 1 WHERE id = ?")
                    .bind(0, tenant.value())
                    .execute();
            if (updated == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM display_names WHERE tenant_id = ?").bind(0, tenant.value()).execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO display_names (tenant_id, kind, attribute, value_id, name) "
                    + "VALUES (?, ?, ?, ?, ?)");
            names.productLines().forEach((id, name) -> batch.bind(0, tenant.value()).bind(1, LINE).bind(2, "")
                    .bind(3, id).bind(4, name).add());
            names.segments().forEach((attribute, values) -> values.forEach((id, name) -> batch.bind(0, tenant.value())
                    .bind(1, SEGMENT).bind(2, attribute).bind(3, id).bind(4, name).add()));
            if (batch.size() > 0) {
                batch.execute();
            }
            return true;
        });
    }
}
