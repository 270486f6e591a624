import type { LetsSummary } from '../../api/types';
import type { Db } from '../database';

interface LetsRow {
  id: bigint;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  credit_floor: bigint;
  credit_cap: bigint | null;
  member_count: bigint;
  trial_balance: bigint;
}

export function listLets(db: Db): LetsSummary[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.name, l.unit, l.model, l.credit_floor, l.credit_cap,
         count(b.box_id) AS member_count, coalesce(sum(b.balance), 0) AS trial_balance
       FROM lets l LEFT JOIN boxes b ON b.lets_id = l.id AND b.kind = 'account' AND b.spent_by IS NULL
       GROUP BY l.id ORDER BY l.name`,
    )
    .all() as LetsRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    unit: row.unit,
    model: row.model,
    creditFloor: row.credit_floor,
    creditCap: row.credit_cap,
    memberCount: Number(row.member_count),
    trialBalance: row.trial_balance,
  }));
}

export interface NewLets {
  letsTokenId: string;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  creditFloor: bigint;
  creditCap: bigint | null;
}

/** Starts following a LETS; returns its local id. */
export function addLets(db: Db, lets: NewLets): number {
  const result = db
    .prepare('INSERT INTO lets (lets_token_id, name, unit, model, credit_floor, credit_cap) VALUES (?, ?, ?, ?, ?, ?)')
    .run(lets.letsTokenId, lets.name, lets.unit, lets.model, lets.creditFloor, lets.creditCap);
  return Number(result.lastInsertRowid);
}

export function findLetsByToken(db: Db, letsTokenId: string): number | undefined {
  const id = db.prepare('SELECT id FROM lets WHERE lets_token_id = ?').pluck().get(letsTokenId) as bigint | undefined;
  return id === undefined ? undefined : Number(id);
}
