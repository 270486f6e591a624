import type { Db } from '../database';
import type { TrackedLets } from '../sync/classify-transaction';
import type { Network } from './chain-store';

/*
 * The SQL of a LETS's catch-up (migration 014): the LETS followed but not yet caught up to the mirror's tip, how far
 * each has come, and the cursor into the index listings that lets a stopped catch-up carry on where it was.
 */

/** How far each listing of the index was read, in items from the oldest, for a LETS caught up to `height`. */
export interface IndexCursor {
  height: number;
  /** Keyed by the listing: 'account' or 'holder' (the management or public token box's script). */
  positions: Record<string, number>;
}

export interface PendingLets {
  tracked: TrackedLets;
  letsTokenId: string;
  name: string;
  /** Its history is in the mirror up to this height. */
  caughtUpTo: number;
  cursor: IndexCursor | null;
  paused: boolean;
}

interface PendingRow {
  lets_id: bigint;
  lets_token_id: string;
  name: string;
  membership_token_id: string;
  account_tree: string;
  management_tree: string | null;
  public_token_tree: string | null;
  start_height: bigint;
  caught_up_to: bigint;
  catch_up_cursor: string | null;
  catch_up_paused: bigint;
}

/** The LETS of `network` still being caught up, the longest followed first. */
export function pendingLets(db: Db, network: Network): PendingLets[] {
  const rows = db
    .prepare(
      `SELECT c.lets_id, l.lets_token_id, l.name, c.membership_token_id, c.account_tree, c.management_tree, c.public_token_tree, c.start_height,
         c.caught_up_to, c.catch_up_cursor, c.catch_up_paused
       FROM lets_chain c JOIN lets l ON l.id = c.lets_id WHERE c.network = ? AND c.caught_up_to IS NOT NULL ORDER BY c.lets_id`,
    )
    .all(network) as PendingRow[];
  return rows.map((row) => ({
    tracked: {
      letsId: Number(row.lets_id),
      membershipTokenId: row.membership_token_id,
      accountTree: row.account_tree,
      managementTree: row.management_tree,
      publicTokenTree: row.public_token_tree,
      startHeight: Number(row.start_height),
    },
    letsTokenId: row.lets_token_id,
    name: row.name,
    caughtUpTo: Number(row.caught_up_to),
    cursor: row.catch_up_cursor === null ? null : (JSON.parse(row.catch_up_cursor) as IndexCursor),
    paused: row.catch_up_paused === 1n,
  }));
}

/** The LETS's history is in the mirror up to `height`; its index listings were read as far as `cursor` says. */
export function recordCatchUp(db: Db, letsId: number, height: number, cursor: IndexCursor | null): void {
  db.prepare('UPDATE lets_chain SET caught_up_to = ?, catch_up_cursor = ? WHERE lets_id = ?').run(height, cursor && JSON.stringify(cursor), letsId);
}

/** The LETS reached the mirror's tip: from now on the block-by-block sync follows it with the others. */
export function finishCatchUp(db: Db, letsId: number): void {
  db.prepare('UPDATE lets_chain SET caught_up_to = NULL, catch_up_cursor = NULL, catch_up_paused = 0 WHERE lets_id = ?').run(letsId);
}

/** Pausing keeps what was read; the catch-up carries on from there when resumed. False when no catch-up runs. */
export function setCatchUpPaused(db: Db, letsId: number, paused: boolean): boolean {
  return db.prepare('UPDATE lets_chain SET catch_up_paused = ? WHERE lets_id = ? AND caught_up_to IS NOT NULL').run(paused ? 1 : 0, letsId).changes > 0;
}
