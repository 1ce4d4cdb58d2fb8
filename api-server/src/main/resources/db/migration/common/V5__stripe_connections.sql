-- Stripe connections and their syncs. A connection's API key and webhook secret are stored
-- encrypted (AES-GCM, see io.xsell.server.stripe.SecretBox), never in clear. stripe_objects mirrors
-- the account as Stripe returned it; the canonical data is rebuilt from it after each sync.
-- Booleans are INTEGER 0/1 and instants ISO-8601 text so both dialects read them the same.

CREATE TABLE stripe_connections (
    id                   TEXT    NOT NULL PRIMARY KEY,
    tenant_id            TEXT    NOT NULL REFERENCES tenants (id),
    created_at           TEXT    NOT NULL,
    livemode             INTEGER NOT NULL,
    key_ciphertext       TEXT    NOT NULL,
    key_hint             TEXT    NOT NULL,
    webhook_ciphertext   TEXT,
    reporting_currency   TEXT    NOT NULL,
    line_overrides       TEXT    NOT NULL,
    fx_rates             TEXT    NOT NULL,
    event_cursor         TEXT,
    event_cursor_created BIGINT,
    last_synced_at       TEXT
);

CREATE INDEX stripe_connections_by_tenant ON stripe_connections (tenant_id, created_at);

-- One row per sync run; progress and counts are updated as pages are stored.
CREATE TABLE stripe_sync_runs (
    id                TEXT    NOT NULL PRIMARY KEY,
    connection_id     TEXT    NOT NULL REFERENCES stripe_connections (id),
    kind              TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    started_at        TEXT    NOT NULL,
    finished_at       TEXT,
    objects_done      BIGINT  NOT NULL,
    objects_estimated BIGINT,
    counts            TEXT    NOT NULL,
    errors            TEXT    NOT NULL,
    plan              TEXT
);

CREATE INDEX stripe_sync_runs_by_connection ON stripe_sync_runs (connection_id, started_at);

-- A backfill's checkpoints: each slice's cursor moves in the transaction that stores its page.
CREATE TABLE stripe_backfill_slices (
    run_id    TEXT    NOT NULL REFERENCES stripe_sync_runs (id),
    slice_key TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    cursor    TEXT,
    done      INTEGER NOT NULL,
    objects   BIGINT  NOT NULL,
    PRIMARY KEY (run_id, slice_key)
);

CREATE TABLE stripe_objects (
    connection_id TEXT    NOT NULL REFERENCES stripe_connections (id),
    object_type   TEXT    NOT NULL,
    object_id     TEXT    NOT NULL,
    version       BIGINT  NOT NULL,
    deleted       INTEGER NOT NULL,
    payload       TEXT,
    PRIMARY KEY (connection_id, object_type, object_id)
);

-- The event inbox: an event is stored before it is applied, once per id whatever its route
-- (webhook or Events API) and however often it arrives.
CREATE TABLE stripe_events (
    connection_id TEXT   NOT NULL REFERENCES stripe_connections (id),
    event_id      TEXT   NOT NULL,
    event_type    TEXT   NOT NULL,
    created       BIGINT NOT NULL,
    received_via  TEXT   NOT NULL,
    received_at   TEXT   NOT NULL,
    applied_at    TEXT,
    payload       TEXT   NOT NULL,
    PRIMARY KEY (connection_id, event_id)
);
