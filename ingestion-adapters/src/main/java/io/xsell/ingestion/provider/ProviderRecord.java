package io.xsell.ingestion.provider;

import java.util.Objects;

/**
 * One provider object as last seen, kept verbatim so that a mapping change can be re-run without
 * calling the provider again.
 *
 * @param type    the provider's object type (Chargebee: {@code customer}, {@code subscription}, ...)
 * @param id      the provider's id of the object, unique within {@code type}
 * @param version orders versions of one object (Chargebee's {@code resource_version}); a newer version
 *                replaces an older one, never the reverse
 * @param json    the object as the provider sent it
 * @param deleted true when the provider reported the object deleted
 */
public record ProviderRecord(String type, String id, long version, String json, boolean deleted) {
    public ProviderRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }

    /** True when this record should replace {@code stored} in a mirror (same or newer version). */
    public boolean supersedes(ProviderRecord stored) {
        return stored == null || version >= stored.version;
    }
}
