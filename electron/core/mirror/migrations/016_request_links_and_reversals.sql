-- The signing request is kept whole (its `ergopay:` link), so it can be shown again, and opened in a wallet on this
-- computer, exactly as the member's wallet got it.
ALTER TABLE outbox ADD COLUMN request_uri TEXT;
-- A request shown before this (at most 30 minutes old) cannot be shown again: it ends, and the treasurer shows a new
-- one. Should the member's wallet still send the transaction, the outbox follows it by its id all the same.
UPDATE outbox SET requested_at = NULL, request_expires_at = NULL WHERE requested_at IS NOT NULL;

-- A trade recorded to correct another names the trade it reverses (lowercase hex id). Bookkeepers never edit: the
-- ledger and statements show the two linked. A trade is reversed at most once; discarding the reversal in the outbox
-- (its details go with it) lets it be reversed again.
ALTER TABLE outbox_details ADD COLUMN reverses TEXT;
CREATE UNIQUE INDEX outbox_details_by_reversed_trade ON outbox_details (reverses) WHERE reverses IS NOT NULL;
