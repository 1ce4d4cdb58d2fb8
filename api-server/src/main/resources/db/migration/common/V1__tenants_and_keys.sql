-- Shared by SQLite and PostgreSQL: only types and syntax both accept. Instants are stored as
-- fixed-width ISO-8601 UTC text (nine fraction digits) so that text order is time order.

CREATE TABLE tenants (
    id                 TEXT   NOT NULL PRIMARY KEY,
    name               TEXT   NOT NULL,
    reporting_currency TEXT   NOT NULL,
    created_at         TEXT   NOT NULL,
    data_version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT tenants_name_unique UNIQUE (name)
);

CREATE TABLE api_keys (
    key_hash   TEXT NOT NULL PRIMARY KEY,
    key_prefix TEXT NOT NULL,
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, key_prefix);
