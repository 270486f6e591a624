-- Following a LETS on a real chain, and founding one there.
--
-- Contract versions are for ever: a LETS keeps the contract it was founded with, and the app recognises every
-- version it ever shipped (electron/core/contracts/contract-versions.ts). Every LETS followed so far runs version 1.
ALTER TABLE lets_chain ADD COLUMN contract_version INTEGER NOT NULL DEFAULT 1 CHECK (contract_version >= 1);

-- A LETS followed when the chain already holds years of its history is first caught up on its own, through the
-- node's index or block by block (mirror/sync/catch-up.ts), and joins the block-by-block sync of the others when it
-- reaches the mirror's tip. caught_up_to is the height up to which its history is in the mirror while that runs,
-- NULL once it is followed with the rest. The cursor says how far each of its listings in the index was read, for
-- that height, so a catch-up stopped by a crash or a restart carries on where it was.
ALTER TABLE lets_chain ADD COLUMN caught_up_to INTEGER CHECK (caught_up_to IS NULL OR caught_up_to >= 0);
ALTER TABLE lets_chain ADD COLUMN catch_up_cursor TEXT CHECK (catch_up_cursor IS NULL OR json_valid(catch_up_cursor));
ALTER TABLE lets_chain ADD COLUMN catch_up_paused INTEGER NOT NULL DEFAULT 0 CHECK (catch_up_paused IN (0, 1));

-- Where the treasurer's own keys sit on their signer: a committee key at a path chosen when founding, or found on
-- the Ledger when a LETS was followed. A committee LETS whose committee key is not here is followed read-only.
CREATE TABLE own_key_paths (
  public_key TEXT NOT NULL CHECK (length(public_key) = 66),
  signer     TEXT NOT NULL CHECK (signer IN ('ledger', 'demo-key')),
  key_path   TEXT NOT NULL,
  PRIMARY KEY (public_key, signer)
) STRICT;

-- A LETS being founded from this computer: what the treasurer chose, and the two genesis transactions once built
-- (they wait in the outbox, so closing the app between them loses nothing). finished_at is set when the LETS is on
-- chain or the founding was given up.
CREATE TABLE foundings (
  id                   INTEGER PRIMARY KEY,
  network              TEXT    NOT NULL CHECK (network IN ('devnet', 'testnet', 'mainnet')),
  model                TEXT    NOT NULL CHECK (model IN ('committee', 'trustless')),
  request              TEXT    NOT NULL CHECK (json_valid(request)),
  signer               TEXT    NOT NULL CHECK (signer IN ('ledger', 'demo-key')),
  key_path             TEXT    NOT NULL,
  public_key           TEXT    NOT NULL CHECK (length(public_key) = 66),
  lets_id              INTEGER REFERENCES lets (id) ON DELETE SET NULL,
  mint_transaction_id  TEXT    CHECK (mint_transaction_id IS NULL OR length(mint_transaction_id) = 64),
  found_transaction_id TEXT    CHECK (found_transaction_id IS NULL OR length(found_transaction_id) = 64),
  created_at           TEXT    NOT NULL,
  finished_at          TEXT
) STRICT;

-- A mirror that already follows LETS was set up before the first start offered its three ways in: its treasurer
-- chose the demo (every LETS so far lived on the demo chain), so the demo chain keeps its demo LETS.
INSERT INTO settings (key, value, updated_at)
SELECT 'demoLets', 'true', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE EXISTS (SELECT 1 FROM lets)
ON CONFLICT (key) DO NOTHING;
