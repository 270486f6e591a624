import type { SignerChoice } from '../../api/calls/outbox-types';
import type { ChainNetwork } from '../../api/types';
import type { Db } from '../database';

/* The SQL of foundings (migration 014): a LETS being founded from this computer, kept across restarts. */

export interface FoundingRow {
  id: number;
  network: ChainNetwork;
  model: 'committee' | 'trustless';
  /** The treasurer's choices as JSON (founding/founding-request.ts), amounts as decimal strings. */
  request: string;
  signer: SignerChoice;
  keyPath: string;
  publicKey: string;
  letsId: number | null;
  mintTransactionId: string | null;
  foundTransactionId: string | null;
  finished: boolean;
}

interface Row {
  id: bigint;
  network: ChainNetwork;
  model: 'committee' | 'trustless';
  request: string;
  signer: SignerChoice;
  key_path: string;
  public_key: string;
  lets_id: bigint | null;
  mint_transaction_id: string | null;
  found_transaction_id: string | null;
  finished_at: string | null;
}

function toFounding(row: Row): FoundingRow {
  return {
    id: Number(row.id),
    network: row.network,
    model: row.model,
    request: row.request,
    signer: row.signer,
    keyPath: row.key_path,
    publicKey: row.public_key,
    letsId: row.lets_id === null ? null : Number(row.lets_id),
    mintTransactionId: row.mint_transaction_id,
    foundTransactionId: row.found_transaction_id,
    finished: row.finished_at !== null,
  };
}

export function addFounding(db: Db, founding: Pick<FoundingRow, 'network' | 'model' | 'request' | 'signer' | 'keyPath' | 'publicKey'>): number {
  const result = db
    .prepare('INSERT INTO foundings (network, model, request, signer, key_path, public_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(founding.network, founding.model, founding.request, founding.signer, founding.keyPath, founding.publicKey, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

export function findFounding(db: Db, id: number): FoundingRow | undefined {
  const row = db.prepare('SELECT * FROM foundings WHERE id = ?').get(id) as Row | undefined;
  return row && toFounding(row);
}

/** The newest founding on `network` that is neither done nor given up. */
export function unfinishedFounding(db: Db, network: ChainNetwork): FoundingRow | undefined {
  const row = db.prepare('SELECT * FROM foundings WHERE network = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1').get(network) as Row | undefined;
  return row && toFounding(row);
}

export function recordGenesis(db: Db, id: number, genesis: { letsId: number; mintTransactionId: string; foundTransactionId: string }): void {
  db.prepare('UPDATE foundings SET lets_id = ?, mint_transaction_id = ?, found_transaction_id = ? WHERE id = ?').run(
    genesis.letsId,
    genesis.mintTransactionId,
    genesis.foundTransactionId,
    id,
  );
}

export function finishFounding(db: Db, id: number): void {
  db.prepare('UPDATE foundings SET finished_at = coalesce(finished_at, ?) WHERE id = ?').run(new Date().toISOString(), id);
}
