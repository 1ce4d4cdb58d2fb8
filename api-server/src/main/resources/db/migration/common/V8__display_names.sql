-- Display names beside ids (docs/api.md#display-names, docs/import.md): products.csv's
-- product_line_name travels with each product; a tenant's own mapping, set through the API, lives
-- in display_names and wins over it. kind is 'product_line' (attribute '') or 'segment' (attribute
-- is the customer attribute). A change of the mapping raises the tenant's data_version, so cached
-- answers show the new names.
ALTER TABLE products ADD COLUMN line_name TEXT;

CREATE TABLE display_names (
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    kind       TEXT NOT NULL,
    attribute  TEXT NOT NULL,
    value_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, attribute, value_id)
);
