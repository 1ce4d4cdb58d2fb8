-- The emailed summary as mail clients expect it (docs/reporting.md#email): a plain-text part beside
-- the HTML, and a List-Unsubscribe header whose URL removes the schedule. Schedules made before
-- this migration have no token, and their emails no List-Unsubscribe header.
ALTER TABLE report_outbox ADD COLUMN body_text TEXT;
ALTER TABLE report_outbox ADD COLUMN list_unsubscribe TEXT;
ALTER TABLE report_schedules ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX report_schedules_by_unsubscribe_token ON report_schedules (unsubscribe_token);
