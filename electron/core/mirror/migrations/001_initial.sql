-- The LETS this mirror follows, with the parameters read from chain (unit, floor, cap) and a local name.
CREATE TABLE lets (
  id            INTEGER PRIMARY KEY,
  lets_token_id TEXT    NOT NULL UNIQUE CHECK (length(lets_token_id) = 64),
  name          TEXT    NOT NULL,
  unit          TEXT    NOT NULL,
  model         TEXT    NOT NULL CHECK (model IN ('committee', 'trustless')),
  credit_floor  INTEGER NOT NULL CHECK (credit_floor <= 0),
  credit_cap    INTEGER          CHECK (credit_cap IS NULL OR credit_cap >= 0)
) STRICT;

-- Member metadata that exists only on this computer and never goes on chain (name, contact, notes).
CREATE TABLE member_profiles (
  id          INTEGER PRIMARY KEY,
  lets_id     INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  owner_key   TEXT    NOT NULL CHECK (length(owner_key) = 66),
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  contact     TEXT    NOT NULL DEFAULT '',
  notes       TEXT    NOT NULL DEFAULT '',
  UNIQUE (lets_id, owner_key)
) STRICT;
