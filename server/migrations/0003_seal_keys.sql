-- The server's P-256 key pairs for sealed applications (docs/encryption.md). One is current
-- (retired IS NULL); retired ones still open envelopes for 30 days, then are erased.
-- `secret` opens every envelope sealed to the key: protect and back up this file accordingly.
CREATE TABLE seal_keys (
    kid     TEXT PRIMARY KEY,    -- e.g. 2026-11-26-3f9a1c
    secret  BLOB NOT NULL,       -- the 32-byte private scalar
    public  BLOB NOT NULL,       -- the 65-byte uncompressed public point
    created INTEGER NOT NULL,    -- unix seconds
    retired INTEGER              -- unix seconds; NULL for the current key
) STRICT;
-- At most one current key.
CREATE UNIQUE INDEX seal_keys_one_current ON seal_keys (retired IS NULL) WHERE retired IS NULL;
