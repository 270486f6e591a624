-- Trustless LETS (PROTOCOL.md, model 2). Their LETS id and membership pool sit in a public token box that nobody
-- owns, instead of a committee's management box. SQLite cannot change a CHECK or a NOT NULL in place, so the two
-- tables are rebuilt with every row and index kept; the readers' `boxes` view is recreated unchanged around them.

-- A LETS the mirror follows has a management box (committee) or a public token box (trustless), never both.
CREATE TABLE lets_chain_new (
  lets_id             INTEGER PRIMARY KEY REFERENCES lets (id) ON DELETE CASCADE,
  membership_token_id TEXT    NOT NULL CHECK (length(membership_token_id) = 64),
  account_tree        TEXT    NOT NULL,
  management_tree     TEXT,
  public_token_tree   TEXT,
  start_height        INTEGER NOT NULL CHECK (start_height >= 1),
  CHECK ((management_tree IS NULL) <> (public_token_tree IS NULL))
) STRICT;
INSERT INTO lets_chain_new (lets_id, membership_token_id, account_tree, management_tree, public_token_tree, start_height)
  SELECT lets_id, membership_token_id, account_tree, management_tree, NULL, start_height FROM lets_chain;
DROP TABLE lets_chain;
ALTER TABLE lets_chain_new RENAME TO lets_chain;

-- Box rows gain the kind 'public-token'. The view reads box_rows, so it goes first and comes back last: renaming a
-- table while a view names a missing one fails.
DROP VIEW boxes;
CREATE TABLE box_rows_new (
  box_id         TEXT    PRIMARY KEY CHECK (length(box_id) = 64),
  lets_id        INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('management', 'account', 'public-token')),
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
INSERT INTO box_rows_new (box_id, lets_id, kind, transaction_id, output_index, created_height, value, script_id, assets, registers, owner_key, balance, spent_by, spent_height)
  SELECT box_id, lets_id, kind, transaction_id, output_index, created_height, value, script_id, assets, registers, owner_key, balance, spent_by, spent_height
  FROM box_rows;
DROP TABLE box_rows;
ALTER TABLE box_rows_new RENAME TO box_rows;
CREATE INDEX boxes_unspent_by_owner ON box_rows (lets_id, kind, owner_key) WHERE spent_by IS NULL;
CREATE INDEX boxes_by_created_height ON box_rows (created_height);
CREATE INDEX boxes_by_spent_height ON box_rows (spent_height) WHERE spent_by IS NOT NULL;

CREATE VIEW boxes AS
  SELECT b.box_id, b.lets_id, b.kind, b.transaction_id, b.output_index, b.created_height, b.value, s.ergo_tree, b.assets, b.registers,
         b.owner_key, b.balance, b.spent_by, b.spent_height
  FROM box_rows b LEFT JOIN scripts s ON s.id = b.script_id;
