-- Dashboard sign-ins (issue 16). Only a SHA-256 hash of each session id or one-time login token is
-- stored. key_hash ties a session to the API key it was opened with, so rotating or revoking that
-- key ends the session (the lookup joins api_keys on revoked_at IS NULL).
CREATE TABLE web_sessions (
    id_hash    TEXT NOT NULL PRIMARY KEY,
    kind       TEXT NOT NULL,
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    key_hash   TEXT NOT NULL REFERENCES api_keys (key_hash),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX web_sessions_by_tenant ON web_sessions (tenant_id, expires_at);
