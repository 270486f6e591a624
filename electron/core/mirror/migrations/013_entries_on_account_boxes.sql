-- A ledger entry is stored on the account box it leaves behind. An enrolment or a trade always creates the member's
-- new account box, whose row already holds the member (owner_key), the transaction, the height and the balance
-- after; the entry adds what kind it is, the change, the counterparty and the transaction's place and time. Only a
-- closing leaves no box, and those few go to closing_entries.
--
-- A table of its own made every entry one more row in a tree keyed by member, plus two indexes: a full sync of
-- 100 000 trades spent a third of its time there (6.8 s with the table, 4.6 s with its writes left out, measured on
-- the chain object; BENCHMARKS.md has the sync's times since). The box rows are already found by member
-- (boxes_by_owner), so the entries need no tree of their own.
--
-- Readers are unchanged: the view ledger_entries shows the entries as the table did, column for column.
-- The trades list reads account_entries (below).
ALTER TABLE box_rows ADD COLUMN entry_kind TEXT CHECK (entry_kind IN ('enrolment', 'trade'));
ALTER TABLE box_rows ADD COLUMN delta INTEGER;
ALTER TABLE box_rows ADD COLUMN counterparty_key TEXT;
-- The transaction's index among its block's transactions, and the block's time.
ALTER TABLE box_rows ADD COLUMN position INTEGER CHECK (position >= 0);
ALTER TABLE box_rows ADD COLUMN timestamp INTEGER;

-- The entry's box: the member's account box its transaction created. Should a transaction ever create two for one
-- member, the sync reads the later one (classify-transaction.ts), so the entry goes there. Both sides are found by
-- member and height (the entries' primary key, boxes_by_owner), so a long history converts in seconds.
UPDATE box_rows
SET entry_kind = e.kind, delta = e.delta, counterparty_key = e.counterparty_key, position = e.position, timestamp = e.timestamp
FROM ledger_entries e
WHERE e.kind IN ('enrolment', 'trade')
  AND box_rows.kind = 'account' AND box_rows.lets_id = e.lets_id AND box_rows.owner_key = e.member_key AND box_rows.created_height = e.height
  AND box_rows.transaction_id = e.transaction_id
  AND box_rows.output_index = (
    SELECT max(b.output_index) FROM box_rows b
    WHERE b.kind = 'account' AND b.lets_id = e.lets_id AND b.owner_key = e.member_key AND b.created_height = e.height AND b.transaction_id = e.transaction_id);

CREATE TABLE closing_entries (
  transaction_id BLOB    NOT NULL CHECK (length(transaction_id) = 32),
  lets_id        INTEGER NOT NULL REFERENCES lets (id) ON DELETE CASCADE,
  member_key     TEXT    NOT NULL,
  delta          INTEGER NOT NULL,
  height         INTEGER NOT NULL,
  position       INTEGER NOT NULL CHECK (position >= 0),
  timestamp      INTEGER NOT NULL,
  PRIMARY KEY (lets_id, member_key, height, transaction_id)
) STRICT, WITHOUT ROWID;
INSERT INTO closing_entries (transaction_id, lets_id, member_key, delta, height, position, timestamp)
  SELECT transaction_id, lets_id, member_key, delta, height, position, timestamp FROM ledger_entries WHERE kind = 'closing';

DROP TABLE ledger_entries;
-- Enrolments and trades, straight from the box rows: the trades list reads this (a trade is never a closing), so
-- SQLite uses the box indexes directly, which it does not through the UNION below.
CREATE VIEW account_entries AS
  SELECT transaction_id, lets_id, owner_key AS member_key, counterparty_key, entry_kind AS kind, delta, balance AS balance_after,
         created_height AS height, position, timestamp
  FROM box_rows WHERE entry_kind IS NOT NULL;
CREATE VIEW ledger_entries AS
  SELECT transaction_id, lets_id, member_key, counterparty_key, kind, delta, balance_after, height, position, timestamp FROM account_entries
  UNION ALL
  SELECT transaction_id, lets_id, member_key, NULL, 'closing', delta, 0, height, position, timestamp FROM closing_entries;

-- The trades list pages through the payers' entries by height (see queries/trades.ts), as it did on the table; the
-- dashboard counts a month's trades from the same index, which holds everything it reads.
CREATE INDEX box_trades_by_height ON box_rows (lets_id, created_height, position, timestamp, delta, transaction_id) WHERE entry_kind = 'trade' AND delta < 0;
