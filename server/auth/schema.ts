/**
 * Tables of accounts, sessions, API tokens, grid-operator service areas, resource owners and the
 * audit trail (one migration in server/db.ts). The audit trail is append-only: triggers refuse
 * UPDATE and DELETE.
 */
export const AUTH_MIGRATION = `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT,
    roles_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    account_id INTEGER REFERENCES accounts(id),
    data_json TEXT NOT NULL,
    expires_at TEXT
  );
  CREATE INDEX sessions_account ON sessions(account_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    label TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE grid_operator_regions (
    operator TEXT NOT NULL COLLATE NOCASE,
    region TEXT NOT NULL,
    PRIMARY KEY (operator, region)
  );
  CREATE TABLE resource_owners (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    account TEXT NOT NULL,
    region TEXT,
    PRIMARY KEY (kind, id)
  );
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    method TEXT NOT NULL,
    route TEXT NOT NULL,
    target TEXT,
    status INTEGER NOT NULL,
    detail TEXT
  );
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`;
