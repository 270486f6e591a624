import type { LetsSummary } from '../../api/types';
import type { Db } from '../database';

interface LetsRow {
  id: bigint;
  name: string;
  unit: string;
  model: 'committee' | 'trustless';
  credit_floor: bigint;
  credit_cap: bigint | null;
}

export function listLets(db: Db): LetsSummary[] {
  const rows = db.prepare('SELECT id, name, unit, model, credit_floor, credit_cap FROM lets ORDER BY name').all() as LetsRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    unit: row.unit,
    model: row.model,
    creditFloor: row.credit_floor,
    creditCap: row.credit_cap,
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
