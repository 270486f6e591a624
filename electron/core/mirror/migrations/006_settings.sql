-- The treasurer's choices for this computer (chain source, network, confirmation depth, device options), one row
-- per setting. Values are JSON and checked against the settings schema when read (electron/core/settings), so a
-- setting added later needs no new migration and a value the app no longer understands falls back to its default.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;
