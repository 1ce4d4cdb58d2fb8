-- A prepared tenant (dataset and priced ledger) of one data version, so that a restarted server
-- answers without reading the rows and pricing them again (io.xsell.server.persistence.snapshot).
-- Only a copy: a snapshot of another version or format, or one whose checksum fails, is ignored.
CREATE TABLE tenant_snapshots (
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id),
    data_version BIGINT  NOT NULL,
    format       INTEGER NOT NULL,
    checksum     BIGINT  NOT NULL, -- CRC32C of body
    body         BYTEA   NOT NULL, -- deflated, see PreparedTenantCodec
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, data_version)
);
