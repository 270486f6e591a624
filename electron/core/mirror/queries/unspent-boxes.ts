import type { Db } from '../database';

/**
 * Ids of a LETS's unspent boxes of one kind as the mirror last saw them, optionally only those of one owner key.
 * Only ids: a box is spent as the chain holds it, so callers fetch the box itself from the chain.
 */
export function unspentLetsBoxIds(db: Db, letsId: number, kind: 'management' | 'account', ownerKey?: string): string[] {
  return db
    .prepare(`SELECT box_id FROM boxes WHERE lets_id = ? AND kind = ? AND spent_by IS NULL AND (? IS NULL OR owner_key = ?) ORDER BY created_height DESC`)
    .pluck()
    .all(letsId, kind, ownerKey ?? null, ownerKey ?? null) as string[];
}
