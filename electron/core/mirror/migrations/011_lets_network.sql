-- A LETS lives on one network, and the mirror holds the chain of one network at a time. When the treasurer moves the
-- app to a node of another network (or back to the devnet), the sync follows only that network's LETS, and the chain
-- data of the other network (its blocks, boxes and entries) is dropped, to be read again if the app goes back to it.
-- The outbox keeps every transaction; only those of the current network's LETS are tracked.

-- Until now only the devnet runtime followed a LETS (its demos), so every LETS followed is on the devnet. Later rows
-- always state their network; the default only serves this step.
ALTER TABLE lets_chain ADD COLUMN network TEXT NOT NULL DEFAULT 'devnet' CHECK (network IN ('devnet', 'testnet', 'mainnet'));

-- The network of the blocks, boxes and entries the mirror holds (no row while it holds none).
CREATE TABLE mirror_network (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  network TEXT    NOT NULL CHECK (network IN ('devnet', 'testnet', 'mainnet'))
) STRICT;
INSERT INTO mirror_network (id, network) SELECT 1, 'devnet' WHERE EXISTS (SELECT 1 FROM blocks);
