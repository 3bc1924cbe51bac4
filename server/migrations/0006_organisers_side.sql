-- The organisers' side in a browser (docs/organisers.md): people who sign in by a one-time
-- emailed link, their sessions, listing drafts that are never in the feed, private notes,
-- the mail queue and the audit trail.

-- A person who works for an organisation. `removed` set: no access, at once.
CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    email           TEXT NOT NULL,          -- trimmed, lower case
    role            TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    created         TEXT NOT NULL,
    removed         TEXT
) STRICT;
CREATE UNIQUE INDEX people_org_email ON people (organisation_id, email);
CREATE INDEX people_email ON people (email);

-- One-time sign-in links, stored as SHA-256 hashes only.
CREATE TABLE sign_in_links (
    token_hash BLOB PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    expires    INTEGER NOT NULL,            -- unix seconds
    used       INTEGER                      -- unix seconds; NULL: not used yet
) STRICT;

-- Sessions, by the hash of the cookie's secret. The CSRF token is per session.
CREATE TABLE sessions (
    id_hash   BLOB PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    csrf      TEXT NOT NULL,
    created   INTEGER NOT NULL,             -- unix seconds: the absolute expiry counts from here
    last_seen INTEGER NOT NULL              -- unix seconds: the idle expiry counts from here
) STRICT;
CREATE INDEX sessions_person ON sessions (person_id);

-- A listing being written or changed: never in the feed until published.
CREATE TABLE listing_drafts (
    id      TEXT PRIMARY KEY,
    org_key TEXT NOT NULL,
    data    TEXT NOT NULL,                  -- the editor's fields as JSON (may not be valid yet)
    updated TEXT NOT NULL
) STRICT;
CREATE INDEX listing_drafts_org ON listing_drafts (org_key);

-- The organisers' private note on an application (never shown to the applicant).
ALTER TABLE applications ADD COLUMN note TEXT;

-- Emails waiting to be sent (sign-in links and applicants' updates), retried with backoff.
-- Deleted once sent, and an application's are deleted when it is withdrawn or erased.
CREATE TABLE mail_queue (
    id             INTEGER PRIMARY KEY,
    recipient      TEXT NOT NULL,
    subject        TEXT NOT NULL,
    body           TEXT NOT NULL,
    application_id TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_try       INTEGER NOT NULL,        -- unix seconds
    last_error     TEXT
) STRICT;
CREATE INDEX mail_queue_next ON mail_queue (next_try);

-- Who changed what and when, per organisation: kept in the database, never in the logs.
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    org_key TEXT NOT NULL,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,                  -- a person's email, "token <id>" or "operator"
    action  TEXT NOT NULL,
    target  TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_org ON audit (org_key, id);
