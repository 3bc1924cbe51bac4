-- Organisations are told apart by a stable id (from the source data, or given by the operator),
-- never by their display name. Until now `org_key` held the normalised name; those rows keep it
-- as a legacy id, marked `name:`, which an import with a real id adopts (with the listing's
-- applications) only when the names match. docs/server.md, "Organisations".
UPDATE listings SET org_key = 'name:' || org_key;
UPDATE applications SET org_key = 'name:' || org_key;
UPDATE organisations SET org_key = 'name:' || org_key;

-- Organiser credentials: listed by id and label, revoked by id, optionally expiring.
ALTER TABLE organiser_tokens ADD COLUMN id TEXT;
ALTER TABLE organiser_tokens ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE organiser_tokens ADD COLUMN expires INTEGER; -- unix seconds; NULL: never
UPDATE organiser_tokens SET id = lower(hex(randomblob(6)));
CREATE UNIQUE INDEX organiser_tokens_id ON organiser_tokens (id);
