-- Polls in which a submitted transaction was seen neither in the node's mempool nor in a block: after enough of
-- them the node evidently never took it, and the outbox calls it dropped (see reconcileOutbox).
ALTER TABLE outbox ADD COLUMN unseen_polls INTEGER NOT NULL DEFAULT 0;

-- The LETS parameters are read from the management box on chain. When they differ from what this computer had
-- recorded, the chain's values replace the local ones and this says what changed, for the treasurer to see.
ALTER TABLE lets ADD COLUMN chain_warning TEXT;
