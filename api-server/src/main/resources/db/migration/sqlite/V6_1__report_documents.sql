-- The rendered documents of each report (see ../common/V6__report_schedules_reports_outbox.sql).
CREATE TABLE report_documents (
    report_id TEXT NOT NULL PRIMARY KEY REFERENCES reports (id),
    pdf       BLOB NOT NULL,
    html      BLOB NOT NULL
);
