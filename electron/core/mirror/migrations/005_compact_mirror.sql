-- Storage for long histories (see BENCHMARKS.md, 100 000 trades). Nothing is added or lost; readers see the same
-- `boxes` and `ledger_entries` columns as before.

-- Every account box of a LETS carries the same contract tree (over 1 KB of hex), so the tree is stored once here
-- and each box row points at it: the mirror file shrinks to a fraction and a full sync writes that much less.
CREATE TABLE scripts (
  id        INTEGER PRIMARY KEY,
  ergo_tree TEXT    NOT NULL UNIQUE
) STRICT;
INSERT INTO scripts (ergo_tree) SELECT DISTINCT ergo_tree FROM boxes;

CREATE TABLE box_rows (
  box_id         TEXT    PRIMARY KEY CHECK (length(box_id) = 64),
  lets_id        INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('management', 'account')),
  transaction_id TEXT    NOT NULL,
  output_index   INTEGER NOT NULL,
  created_height INTEGER NOT NULL,
  value          INTEGER NOT NULL,
  script_id      INTEGER NOT NULL REFERENCES scripts (id),
  assets         TEXT    NOT NULL,
  registers      TEXT    NOT NULL,
  owner_key      TEXT    NOT NULL,
  balance        INTEGER,
  spent_by       TEXT,
  spent_height   INTEGER
) STRICT;
INSERT INTO box_rows
  SELECT b.box_id, b.lets_id, b.kind, b.transaction_id, b.output_index, b.created_height, b.value, s.id, b.assets, b.registers,
         b.owner_key, b.balance, b.spent_by, b.spent_height
  FROM boxes b JOIN scripts s ON s.ergo_tree = b.ergo_tree;
DROP TABLE boxes;
CREATE INDEX boxes_unspent_by_owner ON box_rows (lets_id, kind, owner_key) WHERE spent_by IS NULL;
CREATE INDEX boxes_by_created_height ON box_rows (created_height);
CREATE INDEX boxes_by_spent_height ON box_rows (spent_height) WHERE spent_by IS NOT NULL;

-- What every reader queries. The LEFT JOIN on the scripts key lets SQLite leave the join out of any query that does
-- not read ergo_tree (script_id is never null, so it is the same rows as an inner join).
CREATE VIEW boxes AS
  SELECT b.box_id, b.lets_id, b.kind, b.transaction_id, b.output_index, b.created_height, b.value, s.ergo_tree, b.assets, b.registers,
         b.owner_key, b.balance, b.spent_by, b.spent_height
  FROM box_rows b LEFT JOIN scripts s ON s.id = b.script_id;

-- Ledger entries stored in the order statements and histories read them: one member's entries lie together, by
-- height, instead of one row per page spread over the whole file. (transaction_id, member_key) stays unique, since a
-- transaction sits at one height. The index by transaction carries the delta (and, as in any index of a WITHOUT ROWID
-- table, the key), so pairing a trade's payer with its payee never reads the table.
CREATE TABLE ledger_entries_clustered (
  transaction_id   TEXT    NOT NULL,
  lets_id          INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  member_key       TEXT    NOT NULL,
  counterparty_key TEXT,
  kind             TEXT    NOT NULL CHECK (kind IN ('enrolment', 'trade', 'closing')),
  delta            INTEGER NOT NULL,
  balance_after    INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  timestamp        INTEGER NOT NULL,
  PRIMARY KEY (lets_id, member_key, height, transaction_id)
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_entries_clustered SELECT * FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_clustered RENAME TO ledger_entries;
CREATE INDEX ledger_entries_by_transaction ON ledger_entries (transaction_id, delta);
CREATE INDEX ledger_entries_by_height ON ledger_entries (height);

-- The ledger screen lists trades newest first, one page at a time: each trade is its payer's entry, found here in
-- that order (with what the filters test) without sorting 100 000 rows.
CREATE INDEX ledger_trades_by_height ON ledger_entries (lets_id, height, transaction_id, timestamp, delta) WHERE kind = 'trade' AND delta < 0;
