-- Open Door reference server, schema version 1.
-- Listings: the current state of every listing ever published, including tombstones (deleted = 1),
-- so the RPDE feed can tell clients about deletions. `modified` is strictly increasing across the
-- table (assigned by the server on every change), so (modified, id) orders the feed.
CREATE TABLE listings (
    id           TEXT PRIMARY KEY,
    modified     INTEGER NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    org_key      TEXT NOT NULL,
    data         TEXT,            -- the Listing as JSON (opendoor_core::Listing); NULL for tombstones
    content_hash BLOB             -- SHA-256 of the listing without lastUpdated, to detect real changes
) STRICT;
CREATE UNIQUE INDEX listings_feed_order ON listings (modified, id);
CREATE INDEX listings_org ON listings (org_key);

CREATE TABLE organisations (
    id      INTEGER PRIMARY KEY,
    org_key TEXT NOT NULL UNIQUE, -- the organisation's name, trimmed, lower case, single spaces
    name    TEXT NOT NULL,
    created TEXT NOT NULL
) STRICT;

-- Organiser tokens are stored only as SHA-256 hashes.
CREATE TABLE organiser_tokens (
    token_hash      BLOB PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    created         TEXT NOT NULL
) STRICT;

CREATE TABLE applications (
    id         TEXT PRIMARY KEY,
    listing_id TEXT NOT NULL,
    org_key    TEXT NOT NULL,     -- the listing's organisation when the application arrived
    status     TEXT NOT NULL,
    feedback   TEXT,
    payload    TEXT,              -- ApplicationRequest JSON (personal data); NULL once withdrawn
    token_hash BLOB NOT NULL,     -- SHA-256 of the applicant's status token
    created    TEXT NOT NULL,
    updated    TEXT NOT NULL
) STRICT;
CREATE INDEX applications_org ON applications (org_key, created);

-- Idempotency-Key records: the first response to a key, replayed to retries for 24 hours.
CREATE TABLE idempotency_keys (
    key            TEXT PRIMARY KEY,
    request_hash   BLOB NOT NULL,
    application_id TEXT NOT NULL,
    status_code    INTEGER NOT NULL,
    response       TEXT NOT NULL,
    created_at     INTEGER NOT NULL -- unix seconds
) STRICT;
CREATE INDEX idempotency_application ON idempotency_keys (application_id);
