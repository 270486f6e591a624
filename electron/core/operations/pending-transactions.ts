import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { createdBoxes } from '../builders/created-boxes';
import type { Db } from '../mirror/database';

/** The app's own transactions that are on their way and will spend and create boxes before the mirror sees them. */
export interface PendingView {
  spent: ReadonlySet<string>;
  created: readonly Box<Amount>[];
}

/**
 * Signed and sent transactions whose block the mirror has not applied yet. A new transaction must build on their
 * outputs (a node accepts chained mempool transactions) and must not reuse their inputs, or it would conflict.
 * Built-but-unsigned ones do not count: the treasurer may never sign them.
 */
export function pendingView(db: Db): PendingView {
  const rows = db.prepare(`SELECT unsigned_json FROM outbox WHERE state IN ('signed', 'submitted', 'mempool')`).pluck().all() as string[];
  const transactions = rows.map((json) => JSON.parse(json) as EIP12UnsignedTransaction);
  return {
    spent: new Set(transactions.flatMap((tx) => tx.inputs.map((input) => input.boxId))),
    created: transactions.flatMap((tx) => createdBoxes(tx)),
  };
}

/** Boxes as they will be once the pending transactions are in: confirmed ones not spent by them, plus their outputs. */
export function liveBoxes(confirmed: readonly Box<Amount>[], pending: PendingView, keep: (box: Box<Amount>) => boolean): Box<Amount>[] {
  const known = new Set(confirmed.map((box) => box.boxId));
  const created = pending.created.filter((box) => keep(box) && !known.has(box.boxId));
  return [...confirmed.filter(keep), ...created].filter((box) => !pending.spent.has(box.boxId));
}
