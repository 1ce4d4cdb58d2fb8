-- Per-import tables (PostgreSQL only; io.xsell.server.persistence.ImportGenerations,
-- docs/performance.md "Per-import tables"). Each import of a (tenant, source) COPYs its customers,
-- subscription items and one-time charges into tables of its own, customers_g<n>,
-- subscription_items_g<n> and one_time_charges_g<n>, indexed after the COPY, and points the source
-- at generation n here in the same transaction. A source without a row here keeps its rows in
-- the shared tables of V2 (imported before this migration) until its next import moves it.
CREATE TABLE import_generations (
    tenant_id  TEXT   NOT NULL REFERENCES tenants (id),
    source     TEXT   NOT NULL,
    generation BIGINT NOT NULL UNIQUE,
    PRIMARY KEY (tenant_id, source)
);

-- The only source of <n> in a table name: a number, never user text.
CREATE SEQUENCE import_generation_numbers;

-- Until now a re-import numbered its rows from 0 or from 2^30, whichever range the rows it
-- replaced did not use (so that the shared primary key did not see new keys equal to deleted
-- ones). Per-import tables make that unnecessary: every source now numbers from 0. A source's
-- rows all lie in one range, so moving the upper range down cannot collide.
UPDATE customers SET seq = seq - 1073741824 WHERE seq >= 1073741824;
UPDATE products SET seq = seq - 1073741824 WHERE seq >= 1073741824;
UPDATE subscription_items SET seq = seq - 1073741824 WHERE seq >= 1073741824;
UPDATE one_time_charges SET seq = seq - 1073741824 WHERE seq >= 1073741824;
UPDATE fx_rates SET seq = seq - 1073741824 WHERE seq >= 1073741824;
