-- What the app knows of each of its own transactions beyond the outbox row. Who must sign, decided when it was
-- built: the public key proving each input (an account box by its owner, the management box by the committee,
-- wallet boxes by whoever pays the fee) and the holder in words ("Alice", "the committee"); the signer itself is
-- chosen only when signing. And the trade's memo ("milk"), which never goes on chain.
CREATE TABLE outbox_details (
  transaction_id TEXT NOT NULL PRIMARY KEY REFERENCES outbox (transaction_id) ON DELETE CASCADE,
  input_keys     TEXT NOT NULL,
  signed_by      TEXT NOT NULL,
  memo           TEXT NOT NULL DEFAULT ''
) STRICT;
