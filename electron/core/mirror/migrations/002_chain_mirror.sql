-- What the mirror needs to recognise a LETS's boxes on chain: its membership token and the two contract trees,
-- and the height of its genesis (sync starts there).
CREATE TABLE lets_chain (
  lets_id             INTEGER PRIMARY KEY REFERENCES lets (id) ON DELETE CASCADE,
  membership_token_id TEXT    NOT NULL CHECK (length(membership_token_id) = 64),
  account_tree        TEXT    NOT NULL,
  management_tree     TEXT    NOT NULL,
  start_height        INTEGER NOT NULL CHECK (start_height >= 1)
) STRICT;

-- The recent chain the mirror has applied: enough headers (≥ 256) to find the fork point of any reorg.
CREATE TABLE blocks (
  height    INTEGER PRIMARY KEY,
  header_id TEXT    NOT NULL UNIQUE CHECK (length(header_id) = 64),
  parent_id TEXT    NOT NULL CHECK (length(parent_id) = 64),
  timestamp INTEGER NOT NULL
) STRICT;

-- Every box of a followed LETS, spent ones included: raw registers plus the decoded owner key and balance.
CREATE TABLE boxes (
  box_id         TEXT    PRIMARY KEY CHECK (length(box_id) = 64),
  lets_id        INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('management', 'account')),
  transaction_id TEXT    NOT NULL,
  output_index   INTEGER NOT NULL,
  created_height INTEGER NOT NULL,
  value          INTEGER NOT NULL,
  ergo_tree      TEXT    NOT NULL,
  assets         TEXT    NOT NULL,
  registers      TEXT    NOT NULL,
  owner_key      TEXT    NOT NULL,
  balance        INTEGER,
  spent_by       TEXT,
  spent_height   INTEGER
) STRICT;
CREATE INDEX boxes_unspent_by_owner ON boxes (lets_id, kind, owner_key) WHERE spent_by IS NULL;
CREATE INDEX boxes_by_created_height ON boxes (created_height);
CREATE INDEX boxes_by_spent_height ON boxes (spent_height) WHERE spent_by IS NOT NULL;

-- One row per member per transaction that changed their account: the basis of history and statements.
-- balance_after is read from the member's new box on chain, never accumulated.
CREATE TABLE ledger_entries (
  transaction_id   TEXT    NOT NULL,
  lets_id          INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  member_key       TEXT    NOT NULL,
  counterparty_key TEXT,
  kind             TEXT    NOT NULL CHECK (kind IN ('enrolment', 'trade', 'closing')),
  delta            INTEGER NOT NULL,
  balance_after    INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  timestamp        INTEGER NOT NULL,
  PRIMARY KEY (transaction_id, member_key)
) STRICT;
CREATE INDEX ledger_entries_by_member ON ledger_entries (lets_id, member_key, height);
CREATE INDEX ledger_entries_by_height ON ledger_entries (height);

-- The app's own transactions on their way to the chain.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  lets_id         INTEGER REFERENCES lets (id) ON DELETE SET NULL,
  transaction_id  TEXT    NOT NULL UNIQUE CHECK (length(transaction_id) = 64),
  purpose         TEXT    NOT NULL,
  description     TEXT    NOT NULL DEFAULT '',
  state           TEXT    NOT NULL CHECK (state IN ('built', 'signed', 'submitted', 'mempool', 'included', 'confirmed', 'dropped', 'conflict')),
  input_box_ids   TEXT    NOT NULL,
  unsigned_json   TEXT    NOT NULL,
  signed_json     TEXT,
  included_height INTEGER,
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX outbox_by_state ON outbox (state);
