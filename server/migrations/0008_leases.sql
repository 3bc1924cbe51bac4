-- Work that one server at a time may do (the harvester), held until `until` (unix seconds).
-- With SQLite there is one server, so the lease is always its own; the table exists so both
-- stores have the same schema (issue 17).
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  INTEGER NOT NULL
) STRICT;
