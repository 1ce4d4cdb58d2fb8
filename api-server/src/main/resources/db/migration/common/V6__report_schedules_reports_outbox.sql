-- Periodic summaries: each tenant's schedules, the reports they generated, and the outbox that
-- emails each report exactly once (state pending -> sending -> sent | failed, see docs/reporting.md).
-- The documents themselves (PDF and HTML bytes) are in report_documents, per dialect (V6_1).

CREATE TABLE report_schedules (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id),
    cadence     TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL,
    send_day    INTEGER NOT NULL,
    send_time   TEXT    NOT NULL,
    recipients  TEXT    NOT NULL,
    segment_by  TEXT,
    created_at  TEXT    NOT NULL,
    next_run_at TEXT    NOT NULL
);

CREATE INDEX report_schedules_by_tenant ON report_schedules (tenant_id, created_at);

-- schedule_id has no foreign key: a report outlives the schedule that made it. The unique
-- constraint makes a run that is executed again (after a crash) find its report instead of
-- making a second one.
CREATE TABLE reports (
    id          TEXT   NOT NULL PRIMARY KEY,
    tenant_id   TEXT   NOT NULL REFERENCES tenants (id),
    schedule_id TEXT,
    cadence     TEXT,
    period_from TEXT   NOT NULL,
    period_to   TEXT   NOT NULL,
    created_at  TEXT   NOT NULL,
    pdf_bytes   BIGINT NOT NULL,
    CONSTRAINT reports_one_per_schedule_and_period UNIQUE (schedule_id, period_from)
);

CREATE INDEX reports_by_tenant ON reports (tenant_id, created_at);

CREATE TABLE report_outbox (
    report_id       TEXT    NOT NULL PRIMARY KEY REFERENCES reports (id),
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    recipients      TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    attachment_name TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    claimed_at      TEXT,
    sent_at         TEXT,
    last_error      TEXT
);

CREATE INDEX report_outbox_due ON report_outbox (state, next_attempt_at);
