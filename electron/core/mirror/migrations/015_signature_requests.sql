-- A transaction whose signer is a member's own wallet waits in the outbox as a signing request (ErgoPay, EIP-20):
-- "built", with when the request was shown and until when it stands. The wallet signs and submits it itself; the
-- outbox sees its id in the mempool or a block and moves it on. A request whose time ran out, or whose input was spent
-- by another transaction, ends (requested_at cleared, or the transaction in conflict) with the reason kept.
ALTER TABLE outbox ADD COLUMN requested_at TEXT;
ALTER TABLE outbox ADD COLUMN request_expires_at TEXT;
