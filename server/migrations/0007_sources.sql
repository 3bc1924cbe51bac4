-- Other publishers this server follows (docs/server.md, "Following other publishers"):
-- RPDE feeds, VDS documents and CSV spreadsheets, harvested on a schedule.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,                  -- rpde | vds | csv | auto
  org_key TEXT,                        -- the operator's --org for every listing, or NULL
  name TEXT,                           -- the operator's --name, or NULL (the publisher's own, else the host)
  license TEXT,                        -- the operator's --license, or NULL (what the source states)
  every_secs INTEGER NOT NULL,
  added TEXT NOT NULL,
  -- RPDE: the page to read next (the cursor) and the last item read.
  next_url TEXT,
  cursor_modified INTEGER,
  cursor_id TEXT,
  -- Conditional requests: validators of the response last read from validator_url.
  validator_url TEXT,
  etag TEXT,
  last_modified TEXT,
  -- What the source says about itself.
  stated_license TEXT,
  stated_publisher TEXT,
  -- How it went.
  last_try INTEGER,                    -- unix seconds
  last_success INTEGER,                -- unix seconds
  last_result TEXT,                    -- in words
  last_error TEXT,                     -- in words; NULL when the last run went well
  failures INTEGER NOT NULL DEFAULT 0, -- in a row
  next_try INTEGER NOT NULL DEFAULT 0  -- unix seconds
);

-- Each source's own copy of each listing it publishes, and the listing it became. Several
-- sources' items may become one listing (the same opportunity, merged).
CREATE TABLE source_items (
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  ext_id TEXT NOT NULL,
  listing_id TEXT NOT NULL,
  data TEXT NOT NULL,
  hash BLOB NOT NULL,
  apply_key TEXT,                      -- the normalised apply link
  match_key TEXT,                      -- normalised title | organisation | closing date
  PRIMARY KEY (source_id, ext_id)
);
CREATE INDEX source_items_listing ON source_items (listing_id);
CREATE INDEX source_items_apply ON source_items (apply_key) WHERE apply_key IS NOT NULL;
CREATE INDEX source_items_match ON source_items (match_key);
