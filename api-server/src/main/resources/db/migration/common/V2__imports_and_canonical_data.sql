-- The canonical data of each tenant, scoped by (tenant_id, source) so that an import replaces
-- one source without touching the others. seq is the row's position in its import: loads
-- return rows in import order, and (tenant_id, source, seq) is the only index each table needs
-- (delete by source, load by tenant). Amounts and rates are exact decimal text, dates ISO text,
-- so both dialects store and return identical values. References between these tables are
-- checked by TenantDataset before anything is written, not by the database.

CREATE TABLE imports (
    id                 TEXT   NOT NULL PRIMARY KEY,
    tenant_id          TEXT   NOT NULL REFERENCES tenants (id),
    source             TEXT   NOT NULL,
    fingerprint        TEXT   NOT NULL,
    created_at         TEXT   NOT NULL,
    data_version       BIGINT NOT NULL,
    customers          BIGINT NOT NULL,
    products           BIGINT NOT NULL,
    subscription_items BIGINT NOT NULL,
    one_time_charges   BIGINT NOT NULL,
    fx_rates           BIGINT NOT NULL
);

CREATE INDEX imports_latest ON imports (tenant_id, source, data_version);
CREATE INDEX imports_history ON imports (tenant_id, data_version);

CREATE TABLE customers (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id),
    source      TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    customer_id TEXT    NOT NULL,
    name        TEXT,
    created_at  TEXT,
    attributes  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, source, seq)
);

CREATE TABLE products (
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id),
    source       TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    product_id   TEXT    NOT NULL,
    name         TEXT,
    product_line TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    gross_margin TEXT,
    PRIMARY KEY (tenant_id, source, seq)
);

CREATE TABLE subscription_items (
    tenant_id        TEXT    NOT NULL REFERENCES tenants (id),
    source           TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    item_id          TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    product_id       TEXT    NOT NULL,
    subscription_id  TEXT,
    start_date       TEXT    NOT NULL,
    end_date         TEXT,
    unit_amount      TEXT    NOT NULL,
    quantity         TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    billing_interval TEXT    NOT NULL,
    interval_count   INTEGER NOT NULL,
    discount_percent TEXT,
    discount_amount  TEXT,
    trial_end        TEXT,
    bundle_id        TEXT,
    PRIMARY KEY (tenant_id, source, seq)
);

CREATE TABLE one_time_charges (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id),
    source      TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    charge_id   TEXT    NOT NULL,
    customer_id TEXT    NOT NULL,
    product_id  TEXT,
    charge_date TEXT    NOT NULL,
    amount      TEXT    NOT NULL,
    currency    TEXT    NOT NULL,
    description TEXT,
    PRIMARY KEY (tenant_id, source, seq)
);

CREATE TABLE fx_rates (
    tenant_id TEXT    NOT NULL REFERENCES tenants (id),
    source    TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    rate_date TEXT    NOT NULL,
    currency  TEXT    NOT NULL,
    rate      TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, source, seq)
);
