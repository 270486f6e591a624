import type { Db } from '../database';

/** A ledger entry as the monthly report reads it: what it changed and when, in the member's chain order. */
export interface ReportEntry {
  memberKey: string;
  kind: 'enrolment' | 'trade' | 'closing';
  delta: bigint;
  balanceAfter: bigint;
  height: number;
  timestamp: number;
  /** Where to read its ids (see entryIds): the account box row it is stored on, or a closing's transaction. */
  source: { boxRow: bigint } | { closingTransactionId: string };
}

interface Closing {
  delta: bigint;
  height: number;
  position: number;
  timestamp: number;
  transactionId: string;
}

function closingsBefore(db: Db, letsId: number, beforeMs: number): Map<string, Closing[]> {
  const rows = db
    .prepare(
      `SELECT member_key, delta, height, position, timestamp, lower(hex(transaction_id)) FROM closing_entries
       WHERE lets_id = ? AND timestamp < ? ORDER BY member_key, height, position`,
    )
    .raw()
    .all(letsId, beforeMs) as [string, bigint, bigint, bigint, bigint, string][];
  const closings = new Map<string, Closing[]>();
  for (const [member, delta, height, position, timestamp, transactionId] of rows) {
    const list = closings.get(member) ?? [];
    list.push({ delta, height: Number(height), position: Number(position), timestamp: Number(timestamp), transactionId });
    closings.set(member, list);
  }
  return closings;
}

const closingEntry = (memberKey: string, c: Closing): ReportEntry => ({
  memberKey,
  kind: 'closing',
  delta: c.delta,
  balanceAfter: 0n,
  height: c.height,
  timestamp: c.timestamp,
  source: { closingTransactionId: c.transactionId },
});

/**
 * Every entry of a LETS in blocks stamped before `beforeMs`, member by member, each member's in the order the chain
 * applied them (the same rows, order and period rule as memberEntriesBefore gives a statement). The entries stored on
 * account boxes stream from the index by owner, which holds all they say (migration 019); the few closings are merged in.
 */
export function forEachEntryBefore(db: Db, letsId: number, beforeMs: number, visit: (entry: ReportEntry) => void): void {
  const closings = closingsBefore(db, letsId, beforeMs);
  let member = '';
  let pending: Closing[] = [];
  // The member's closings that come before the entry at (height, position), or all that are left.
  const visitClosings = (height = Infinity, position = 0) => {
    for (let next = pending[0]; next && (next.height < height || (next.height === height && next.position < position)); next = pending[0]) {
      visit(closingEntry(member, next));
      pending.shift();
    }
  };
  const rows = db
    .prepare(
      `SELECT owner_key, entry_kind, delta, balance, created_height, position, timestamp, rowid FROM box_rows
       WHERE lets_id = ? AND entry_kind IS NOT NULL AND timestamp < ? ORDER BY owner_key, created_height, position`,
    )
    .raw()
    .iterate(letsId, beforeMs) as IterableIterator<[string, 'enrolment' | 'trade', bigint, bigint, bigint, bigint, bigint, bigint]>;
  for (const [owner, kind, delta, balance, height, position, timestamp, boxRow] of rows) {
    if (owner !== member) {
      visitClosings();
      member = owner;
      // The map is this call's own, so its lists are used up as they are visited.
      pending = closings.get(owner) ?? [];
    }
    visitClosings(Number(height), Number(position));
    visit({ memberKey: owner, kind, delta, balanceAfter: balance, height: Number(height), timestamp: Number(timestamp), source: { boxRow } });
  }
  visitClosings();
}

/** The ids of an entry: its transaction, and the account box it left (none for a closing). */
export function entryIds(db: Db, source: ReportEntry['source']): { transactionId: string; boxId: string | null } {
  if ('closingTransactionId' in source) return { transactionId: source.closingTransactionId, boxId: null };
  const [transactionId, boxId] = db.prepare('SELECT lower(hex(transaction_id)), lower(hex(box_id)) FROM box_rows WHERE rowid = ?').raw().get(source.boxRow) as [string, string];
  return { transactionId, boxId };
}
