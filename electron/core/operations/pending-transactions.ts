import type { Amount, Box, EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { createdBoxes } from '../builders/created-boxes';
import type { Db } from '../mirror/database';

/** Who signs the committee's own transactions (enrolments, closings, hand-overs), as the outbox names them. */
export const COMMITTEE = 'the committee';

/** The app's own transactions that are on their way and will spend and create boxes before the mirror sees them. */
export interface PendingView {
  spent: ReadonlySet<string>;
  created: readonly Box<Amount>[];
}

/**
 * Transactions a new one must build on: signed and sent ones whose block the mirror has not applied yet (a node accepts
 * chained mempool transactions), and the committee's own not signed yet, which the treasurer prepares as a queue
 * (a batch of enrolments) and signs in order. A new transaction must use their outputs and not reuse their inputs, or
 * it would conflict. Other unsigned ones do not count: a member may never sign theirs.
 */
export function pendingView(db: Db): PendingView {
  const rows = db
    .prepare(
      `SELECT unsigned_json FROM outbox LEFT JOIN outbox_details USING (transaction_id)
       WHERE state IN ('signed', 'submitted', 'mempool') OR (state = 'built' AND signed_by = ?)`,
    )
    .pluck()
    .all(COMMITTEE) as string[];
  const effects = rows.map(effectsOf);
  return { spent: new Set(effects.flatMap((e) => e.spends)), created: effects.flatMap((e) => e.created) };
}

/** The boxes an outbox transaction spends and creates, from its unsigned JSON. */
function effectsOf(unsignedJson: string): { spends: string[]; created: Box<Amount>[] } {
  const tx = JSON.parse(unsignedJson) as EIP12UnsignedTransaction;
  return { spends: tx.inputs.map((input) => input.boxId), created: createdBoxes(tx) };
}

/** Boxes as they will be once the pending transactions are in: confirmed ones not spent by them, plus their outputs. */
export function liveBoxes(confirmed: readonly Box<Amount>[], pending: PendingView, keep: (box: Box<Amount>) => boolean): Box<Amount>[] {
  const known = new Set(confirmed.map((box) => box.boxId));
  const created = pending.created.filter((box) => keep(box) && !known.has(box.boxId));
  return [...confirmed.filter(keep), ...created].filter((box) => !pending.spent.has(box.boxId));
}

/** An outbox transaction not signed yet, with the boxes it spends and creates. */
interface Unsigned {
  transactionId: string;
  description: string;
  spends: readonly string[];
  creates: ReadonlySet<string>;
}

function unsignedTransactions(db: Db): Unsigned[] {
  const rows = db.prepare(`SELECT transaction_id, description, unsigned_json FROM outbox WHERE state = 'built' ORDER BY id`).all() as {
    transaction_id: string;
    description: string;
    unsigned_json: string;
  }[];
  return rows.map((row) => {
    const { spends, created } = effectsOf(row.unsigned_json);
    return { transactionId: row.transaction_id, description: row.description, spends, creates: new Set(created.map((b) => b.boxId)) };
  });
}

/** The unsigned transactions that create a box `transactionId` spends: they must be signed (and sent) before it. */
export function unsignedParents(db: Db, transactionId: string): { transactionId: string; description: string }[] {
  const all = unsignedTransactions(db);
  const spends = all.find((t) => t.transactionId === transactionId)?.spends ?? [];
  return all.filter((t) => t.transactionId !== transactionId && spends.some((boxId) => t.creates.has(boxId))).map(({ transactionId: id, description }) => ({ transactionId: id, description }));
}

/**
 * The unsigned transactions built, directly or through others, on a box `transactionId` creates: once it is
 * discarded they spend boxes that will never exist, so they go with it. Oldest first.
 */
export function unsignedDependents(db: Db, transactionId: string): { transactionId: string; description: string }[] {
  const json = db.prepare('SELECT unsigned_json FROM outbox WHERE transaction_id = ?').pluck().get(transactionId) as string | undefined;
  if (json === undefined) return [];
  const stranded = new Set(effectsOf(json).created.map((b) => b.boxId));
  const dependents: { transactionId: string; description: string }[] = [];
  for (const t of unsignedTransactions(db)) {
    if (t.transactionId === transactionId || !t.spends.some((boxId) => stranded.has(boxId))) continue;
    dependents.push({ transactionId: t.transactionId, description: t.description });
    for (const boxId of t.creates) stranded.add(boxId);
  }
  return dependents;
}
