-- Connections of every billing provider (Stripe, Chargebee) share one set of tables: the Stripe
-- tables of V5 are renamed, their rows kept, and each connection names its provider. A renamed
-- table keeps its rows, keys and references in both dialects (SQLite rewrites the references).
-- `account` names the provider account where the key alone does not (Chargebee's site).

ALTER TABLE stripe_connections RENAME TO provider_connections;
ALTER TABLE provider_connections ADD COLUMN provider TEXT NOT NULL DEFAULT 'stripe';
ALTER TABLE provider_connections ADD COLUMN account TEXT;
DROP INDEX stripe_connections_by_tenant;
CREATE INDEX provider_connections_by_tenant ON provider_connections (tenant_id, created_at);

ALTER TABLE stripe_sync_runs RENAME TO sync_runs;
DROP INDEX stripe_sync_runs_by_connection;
CREATE INDEX sync_runs_by_connection ON sync_runs (connection_id, started_at);

-- a backfill's checkpoints: one row per list (or slice of a list) with the cursor or offset of its next page
ALTER TABLE stripe_backfill_slices RENAME TO backfill_checkpoints;

-- the mirror of each connection's objects, as the provider returned them
ALTER TABLE stripe_objects RENAME TO provider_objects;

-- the event inbox, de-duplicated by (connection, event id); `created` is the event's time of occurrence
ALTER TABLE stripe_events RENAME TO provider_events;
