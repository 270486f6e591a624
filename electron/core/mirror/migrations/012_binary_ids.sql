-- Box and transaction ids are stored as their 32 bytes instead of 64 hex characters. A full sync writes hundreds of
-- thousands of them (every box row holds two or three, every ledger entry one, and the box id is also the key of
-- the index that spends are found by). Halving them took a full sync of 100 000 trades from the chain object from
-- about 7.9 s to 6.8 s, with 22% fewer bytes written (BENCHMARKS.md).
--
-- The `boxes` view still shows box and transaction ids as lowercase hex, as every reader expects; `spent_by` stays
-- bytes there, as readers only ask whether it is NULL. A lookup by id compares the bytes, which the view also shows
-- as `box_key`: `box_key = unhex(?)` can use the primary key, a comparison with the hex cannot.
DROP VIEW boxes;
CREATE TABLE box_rows_new (
  box_id         BLOB    PRIMARY KEY CHECK (length(box_id) = 32),
  lets_id        INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('management', 'account', 'public-token')),
  transaction_id BLOB    NOT NULL CHECK (length(transaction_id) = 32),
  output_index   INTEGER NOT NULL,
  created_height INTEGER NOT NULL,
  value          INTEGER NOT NULL,
  script_id      INTEGER NOT NULL REFERENCES scripts (id),
  assets         TEXT    NOT NULL,
  registers      TEXT    NOT NULL,
  owner_key      TEXT    NOT NULL,
  balance        INTEGER,
  spent_by       BLOB    CHECK (spent_by IS NULL OR length(spent_by) = 32),
  spent_height   INTEGER
) STRICT;
INSERT INTO box_rows_new (box_id, lets_id, kind, transaction_id, output_index, created_height, value, script_id, assets, registers, owner_key, balance, spent_by, spent_height)
  SELECT unhex(box_id), lets_id, kind, unhex(transaction_id), output_index, created_height, value, script_id, assets, registers, owner_key, balance, unhex(spent_by), spent_height
  FROM box_rows ORDER BY rowid;
DROP TABLE box_rows;
ALTER TABLE box_rows_new RENAME TO box_rows;
CREATE INDEX boxes_unspent_by_owner ON box_rows (lets_id, kind, owner_key) WHERE spent_by IS NULL;
CREATE INDEX boxes_by_created_height ON box_rows (created_height);
CREATE INDEX boxes_by_spent_height ON box_rows (spent_height) WHERE spent_by IS NOT NULL;
CREATE INDEX boxes_by_owner ON box_rows (lets_id, owner_key, created_height);

CREATE VIEW boxes AS
  SELECT lower(hex(b.box_id)) AS box_id, b.box_id AS box_key, b.lets_id, b.kind, lower(hex(b.transaction_id)) AS transaction_id, b.output_index, b.created_height,
         b.value, s.ergo_tree, b.assets, b.registers, b.owner_key, b.balance, b.spent_by, b.spent_height
  FROM box_rows b LEFT JOIN scripts s ON s.id = b.script_id;

CREATE TABLE ledger_entries_new (
  transaction_id   BLOB    NOT NULL CHECK (length(transaction_id) = 32),
  lets_id          INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  member_key       TEXT    NOT NULL,
  counterparty_key TEXT,
  kind             TEXT    NOT NULL CHECK (kind IN ('enrolment', 'trade', 'closing')),
  delta            INTEGER NOT NULL,
  balance_after    INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  -- The transaction's index among its block's transactions.
  position         INTEGER NOT NULL CHECK (position >= 0),
  timestamp        INTEGER NOT NULL,
  PRIMARY KEY (lets_id, member_key, height, transaction_id)
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_entries_new (transaction_id, lets_id, member_key, counterparty_key, kind, delta, balance_after, height, position, timestamp)
  SELECT unhex(transaction_id), lets_id, member_key, counterparty_key, kind, delta, balance_after, height, position, timestamp FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_new RENAME TO ledger_entries;
CREATE INDEX ledger_entries_by_height ON ledger_entries (height);
CREATE INDEX ledger_trades_by_height ON ledger_entries (lets_id, height, position, timestamp, delta) WHERE kind = 'trade' AND delta < 0;
