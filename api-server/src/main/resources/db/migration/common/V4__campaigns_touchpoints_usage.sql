-- Campaigns, touchpoints and usage events, scoped by (tenant_id, source) like the billing data:
-- a CSV import replaces its source's rows, rows posted to the API have the source 'api' and
-- accumulate. engagement_version counts the API's engagement writes, which leave data_version
-- (and so the priced billing data) alone; caches of engagement answers key on both.

ALTER TABLE tenants ADD COLUMN engagement_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE campaigns (
    tenant_id           TEXT NOT NULL REFERENCES tenants (id),
    source              TEXT NOT NULL,
    campaign_id         TEXT NOT NULL,
    name                TEXT,
    channel             TEXT NOT NULL,
    cost                TEXT NOT NULL,
    currency            TEXT NOT NULL,
    start_date          TEXT NOT NULL,
    end_date            TEXT,
    target_product_line TEXT,
    PRIMARY KEY (tenant_id, source, campaign_id)
);

-- seq orders a tenant's touchpoints within a source (touches of one day credit the last listed):
-- the row's position in a CSV import, or engagement_version * 10000 + position for an API batch.
CREATE TABLE touchpoints (
    tenant_id   TEXT   NOT NULL REFERENCES tenants (id),
    source      TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    customer_id TEXT   NOT NULL,
    campaign_id TEXT   NOT NULL,
    touch_date  TEXT   NOT NULL
);

CREATE INDEX touchpoints_by_source ON touchpoints (tenant_id, source, seq);

-- The bulk table: no foreign key (a check per row would halve the ingestion rate; tenants are
-- never deleted) and one index, for loading by tenant, deleting by source, and reading only the
-- API batches stored since a given engagement_version (0 for imported rows).
CREATE TABLE usage_events (
    tenant_id          TEXT    NOT NULL,
    source             TEXT    NOT NULL,
    engagement_version BIGINT  NOT NULL,
    customer_id        TEXT    NOT NULL,
    feature            TEXT    NOT NULL,
    event_date         TEXT    NOT NULL,
    event_count        INTEGER NOT NULL
);

CREATE INDEX usage_events_by_source ON usage_events (tenant_id, source, engagement_version);

-- One row per batch posted to the API, under the client's idempotency key.
CREATE TABLE engagement_batches (
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    idempotency_key TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    row_count       INTEGER NOT NULL,
    received_at     TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
