-- Each sealed envelope's one-time public key (epk), hashed, with the application it became: a
-- captured envelope posted again, under any Idempotency-Key, answers that application's id and
-- status and never stores a second copy. Kept while the envelope's seal key could still open it;
-- erased with the key (docs/security.md).
CREATE TABLE sealed_envelopes (
    epk_hash       BLOB PRIMARY KEY,  -- SHA-256 of the envelope's 65-byte epk
    kid            TEXT NOT NULL,     -- the seal key it was sealed to
    application_id TEXT NOT NULL
) STRICT;
CREATE INDEX sealed_envelopes_kid ON sealed_envelopes (kid);
